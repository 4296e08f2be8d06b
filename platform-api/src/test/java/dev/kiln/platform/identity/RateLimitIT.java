package dev.kiln.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@KilnIntegrationTest
@TestPropertySource(
    properties = {"kiln.auth.rate-limit.capacity=3", "kiln.auth.rate-limit.period=10m"})
class RateLimitIT {

  @LocalServerPort int port;

  @Test
  void loginPastTheLimitAnswers429WithRetryAfter() {
    Api api = new Api(port);
    Map<String, String> attempt =
        Map.of("email", "someone@example.com", "password", "not-the-password");
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/v1/auth/login", null, attempt).status()).isEqualTo(401);
    }
    Api.Response limited = api.post("/api/v1/auth/login", null, attempt);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 600L);
    assertThat(limited.text("type")).isEqualTo("https://kiln.dev/problems/rate-limited");
  }

  @Test
  void signUpHasItsOwnLimit() {
    Api api = new Api(port);
    int created = 0;
    int limited = 0;
    for (int i = 0; i < 5; i++) {
      Api.Response r =
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of(
                  "email",
                  "flood" + i + "@example.com",
                  "password",
                  "long enough password",
                  "name",
                  "Flood"));
      if (r.status() == 201) {
        created++;
      } else if (r.status() == 429) {
        limited++;
        assertThat(r.header("Retry-After")).isNotBlank();
      }
    }
    assertThat(created).isEqualTo(3);
    assertThat(limited).isEqualTo(2);
  }
}
