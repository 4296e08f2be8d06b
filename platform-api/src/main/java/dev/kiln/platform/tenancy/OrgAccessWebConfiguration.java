package dev.kiln.platform.tenancy;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Runs the org access check on every API request. */
@Configuration(proxyBeanMethods = false)
class OrgAccessWebConfiguration implements WebMvcConfigurer {

  private final OrgAccessInterceptor access;

  OrgAccessWebConfiguration(OrgAccessInterceptor access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(access).addPathPatterns("/api/**");
  }
}
