package dev.kiln.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.TestInfrastructure;
import dev.kiln.sandbox.worker.SandboxWorker;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code KILN_ROLES} decides what a process does: the API, the sandbox worker, or both. */
class RolesIT {

  @Test
  void aSandboxOnlyProcessRunsTheWorkerAndServesNoApi() throws Exception {
    try (ConfigurableApplicationContext worker = start("sandbox")) {
      assertThat(worker.getBeansOfType(SandboxWorker.class)).hasSize(1);
      Api api = new Api(port(worker));
      Api.Response refused = api.get("/api/v1/me", null);
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.text("type")).endsWith("/role-not-served");
      assertThat(refused.text("detail")).contains("'sandbox'");
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }
  }

  @Test
  void anApiOnlyProcessRunsNoSandboxWorker() throws Exception {
    try (ConfigurableApplicationContext apiOnly = start("api,generation")) {
      assertThat(apiOnly.getBeansOfType(SandboxWorker.class)).isEmpty();
      assertThat(new Api(port(apiOnly)).get("/.well-known/jwks.json", null).status())
          .isEqualTo(200);
    }
  }

  private static ConfigurableApplicationContext start(String roles) throws Exception {
    return new SpringApplicationBuilder(KilnApplication.class)
        .run(
            "--server.port=0",
            "--kiln.roles=" + roles,
            "--kiln.database.url=" + TestInfrastructure.newDatabase(),
            "--kiln.database.user=postgres",
            "--kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
            "--kiln.home=" + Files.createTempDirectory("kiln-roles"));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
