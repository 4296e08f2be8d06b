package dev.kiln.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The login of the role the application queries as. Its password comes from configuration, or is
 * generated once and kept in {@code KILN_HOME/secrets/db-app-password} (mode 0600).
 */
record AppRoleCredentials(String user, String password) {

  private static final Pattern SAFE_ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_\\-]{16,128}");

  AppRoleCredentials {
    if (!SAFE_ROLE.matcher(user).matches()) {
      throw new IllegalArgumentException("kiln.database.app-user must match " + SAFE_ROLE);
    }
    if (!SAFE_PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException(
          "kiln.database.app-password must be 16 to 128 of [A-Za-z0-9_-]");
    }
  }

  static AppRoleCredentials from(RuntimeSettings settings) {
    RuntimeSettings.Database db = settings.database();
    if (db.appPassword() != null && !db.appPassword().isBlank()) {
      return new AppRoleCredentials(db.appUser(), db.appPassword());
    }
    return new AppRoleCredentials(db.appUser(), keptPassword(settings.home()));
  }

  private static String keptPassword(Path home) {
    Path file = home.resolve("secrets").resolve("db-app-password");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, password, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the database password in " + file, e);
    }
  }
}
