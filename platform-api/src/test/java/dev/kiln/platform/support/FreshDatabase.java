package dev.kiln.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application context at a database of its own, the shared broker and a temp home. */
public class FreshDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      TestPropertyValues.of(
              "kiln.database.url=" + TestInfrastructure.newDatabase(),
              "kiln.database.user=postgres",
              "kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
              "kiln.home=" + Files.createTempDirectory("kiln-home"))
          .applyTo(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
