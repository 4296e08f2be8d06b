package dev.kiln.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform admin created at start-up from {@code KILN_ADMIN_EMAIL} / {@code
 * KILN_ADMIN_PASSWORD}; both blank means none.
 */
@ConfigurationProperties("kiln.admin")
record AdminAccount(String email, String password) {

  boolean configured() {
    return email != null && !email.isBlank() && password != null && !password.isBlank();
  }
}
