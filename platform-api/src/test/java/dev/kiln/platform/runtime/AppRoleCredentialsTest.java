package dev.kiln.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppRoleCredentialsTest {

  @TempDir Path home;

  @Test
  void aGeneratedPasswordIsKeptPrivatelyAndReusedOnTheNextStart() throws Exception {
    AppRoleCredentials first = AppRoleCredentials.from(settings(null));
    AppRoleCredentials second = AppRoleCredentials.from(settings(null));
    assertThat(first.password()).hasSizeGreaterThanOrEqualTo(16).isEqualTo(second.password());
    Path file = home.resolve("secrets/db-app-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aConfiguredPasswordWinsAndUnsafeOnesAreRefused() {
    assertThat(AppRoleCredentials.from(settings("configured-password-123")).password())
        .isEqualTo("configured-password-123");
    assertThatThrownBy(() -> AppRoleCredentials.from(settings("short'; drop role x; --")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RuntimeSettings settings(String appPassword) {
    return new RuntimeSettings(
        home,
        8080,
        new RuntimeSettings.Database(null, "postgres", null, "kiln_app", appPassword),
        new RuntimeSettings.Kafka(null),
        new RuntimeSettings.Llm(null, null, null),
        List.of("api"));
  }
}
