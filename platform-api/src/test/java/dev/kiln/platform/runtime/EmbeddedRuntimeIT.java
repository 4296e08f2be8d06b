package dev.kiln.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kiln as the README's run command starts it: embedded PostgreSQL under {@code KILN_HOME}, the
 * in-process KRaft broker, JSON logs; stopped gracefully and started again on the same home.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRuntimeIT {

  /** A slow request, to prove shutdown waits for accepted requests. */
  @RestController
  static class SlowEndpoint {
    @GetMapping("/test/slow")
    String slow() throws InterruptedException {
      Thread.sleep(1500);
      return "done";
    }
  }

  @TempDir Path home;

  @Test
  void startsEmbeddedKeepsEverythingAcrossRestartsAndShutsDownGracefully(CapturedOutput output)
      throws Exception {
    String email;
    String kid;
    ConfigurableApplicationContext first = start();
    try {
      int port = port(first);
      Api api = new Api(port);
      String table = first.getBean(StartupReport.class).render();
      assertThat(table)
          .contains("embedded PostgreSQL (" + home.resolve("postgres"))
          .contains("in-process KRaft broker")
          .contains("sandbox backend")
          .contains("generator")
          .contains("payments")
          .contains("Open http://localhost:" + port + "/");
      assertThat(output.getOut()).contains("Kiln is ready.");
      assertThat(Files.isDirectory(home.resolve("postgres"))).isTrue();
      var owner =
          org.springframework.jdbc.core.simple.JdbcClient.create(
              first.getBean("ownerDataSource", javax.sql.DataSource.class));
      assertThat(owner.sql("show fsync").query(String.class).single()).isEqualTo("on");
      assertThat(owner.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");

      Api.Response health = api.get("/actuator/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
      assertThat(health.json().at("/components/kafka/status").asString()).isEqualTo("UP");
      Api.Response metrics =
          api.send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain"));
      assertThat(metrics.raw()).contains("jvm_memory_used_bytes");

      email = "persist-" + System.nanoTime() + "@example.com";
      Api.Response signUp =
          api.send(
              "POST",
              "/api/v1/auth/signup",
              null,
              Map.of("email", email, "password", KilnFixtures.PASSWORD, "name", "Persistent"),
              Map.of("X-Correlation-Id", "corr-embedded-12345"));
      assertThat(signUp.status()).isEqualTo(201);
      assertThat(signUp.header("X-Correlation-Id")).isEqualTo("corr-embedded-12345");
      assertThat(output.getOut())
          .containsPattern(
              "\\{[^\\n]*\"message\":\"User [0-9a-f-]+ signed up\"[^\\n]*\"correlationId\":\"corr-embedded-12345\"");
      String token = signUp.text("accessToken");
      assertThat(api.post("/api/v1/orgs", token, Map.of("name", "Survivors")).status())
          .isEqualTo(201);
      kid = com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();

      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Thread.sleep(400);
      first.close();
      HttpResponse<String> finished = inFlight.get();
      assertThat(finished.statusCode()).isEqualTo(200);
      assertThat(finished.body()).isEqualTo("done");
      assertThatThrownBy(() -> api.get("/actuator/health", null)).isInstanceOf(Exception.class);
    } finally {
      first.close();
    }

    ConfigurableApplicationContext second = start();
    try {
      Api api = new Api(port(second));
      Api.Response login =
          api.post(
              "/api/v1/auth/login",
              null,
              Map.of("email", email, "password", KilnFixtures.PASSWORD));
      assertThat(login.status()).as(login.raw()).isEqualTo(200);
      assertThat(com.nimbusds.jwt.SignedJWT.parse(login.text("accessToken")).getHeader().getKeyID())
          .isEqualTo(kid);
      assertThat(api.get("/api/v1/me", login.text("accessToken")).raw()).contains("Survivors");
    } finally {
      second.close();
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KilnApplication.class, SlowEndpoint.class)
        .run(
            "--server.port=0",
            "--kiln.home=" + home,
            "--logging.structured.format.console=ecs",
            "--spring.lifecycle.timeout-per-shutdown-phase=" + Duration.ofSeconds(20));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
