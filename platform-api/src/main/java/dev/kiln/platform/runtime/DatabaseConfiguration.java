package dev.kiln.platform.runtime;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two ways into one database: the schema owner runs migrations, and the application queries as a
 * role that row level security applies to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(RuntimeSettings settings) {
    return DatabaseServer.choose(settings);
  }

  @Bean
  AppRoleCredentials appRoleCredentials(RuntimeSettings settings) {
    return AppRoleCredentials.from(settings);
  }

  @Bean
  DatabaseRoles databaseRoles(AppRoleCredentials credentials) {
    return new DatabaseRoles(credentials);
  }

  @Bean
  @FlywayDataSource
  DataSource ownerDataSource(DatabaseServer server) {
    DatabaseEndpoint endpoint = server.endpoint();
    SimpleDriverDataSource ds = new SimpleDriverDataSource();
    ds.setDriverClass(org.postgresql.Driver.class);
    ds.setUrl(endpoint.jdbcUrl());
    ds.setUsername(endpoint.ownerUser());
    ds.setPassword(endpoint.ownerPassword());
    return ds;
  }

  /** The pool the application uses; tuned by {@code spring.datasource.hikari.*}. */
  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DatabaseServer server, AppRoleCredentials credentials) {
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName("kiln-app");
    ds.setJdbcUrl(server.endpoint().jdbcUrl());
    ds.setUsername(credentials.user());
    ds.setPassword(credentials.password());
    return ds;
  }
}
