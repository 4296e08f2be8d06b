package dev.kiln.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kiln's single process: the API and, depending on {@code kiln.roles}, the workers. */
@SpringBootApplication(scanBasePackages = "dev.kiln")
@ConfigurationPropertiesScan("dev.kiln")
public class KilnApplication {

  public static void main(String[] args) {
    SpringApplication.run(KilnApplication.class, args);
  }
}
