package dev.kiln.platform.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the platform admin from {@code KILN_ADMIN_EMAIL} / {@code KILN_ADMIN_PASSWORD}. */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AdminAccount admin;
  private final Accounts accounts;

  AdminBootstrap(AdminAccount admin, Accounts accounts) {
    this.admin = admin;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!admin.configured()) {
      return;
    }
    String email = Emails.normalize(admin.email());
    if (!email.matches(dev.kiln.platform.web.TextRules.EMAIL) || admin.password().length() < 10) {
      throw new IllegalStateException(
          "KILN_ADMIN_EMAIL must be an email and KILN_ADMIN_PASSWORD at least 10 characters");
    }
    accounts.ensureAdmin(email, admin.password());
    log.info("Platform admin {} is ready", email);
  }
}
