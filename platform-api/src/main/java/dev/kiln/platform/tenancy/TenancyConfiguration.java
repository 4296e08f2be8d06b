package dev.kiln.platform.tenancy;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tenant-aware transaction manager every {@code @Transactional} method runs under. */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

  @Bean
  TenantTransactionManager transactionManager(DataSource dataSource) {
    return new TenantTransactionManager(dataSource);
  }
}
