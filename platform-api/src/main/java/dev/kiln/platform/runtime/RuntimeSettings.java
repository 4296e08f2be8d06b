package dev.kiln.platform.runtime;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the process runs on. Bound from {@code kiln.*}, so {@code KILN_HOME}, {@code
 * KILN_DATABASE_URL} and friends set it from the environment.
 *
 * @param home where embedded data, repositories, caches and keys live; never null
 * @param port the API's HTTP port (informational; the server binds {@code server.port})
 * @param database an external PostgreSQL, or none to run the embedded one
 * @param kafka an external Kafka cluster, or none to run the in-process broker
 * @param roles which roles this process plays
 */
@ConfigurationProperties("kiln")
public record RuntimeSettings(
    @DefaultValue("./.kiln") Path home,
    @DefaultValue("8080") int port,
    @DefaultValue Database database,
    @DefaultValue Kafka kafka,
    @DefaultValue Llm llm,
    @DefaultValue({"api", "generation", "sandbox"}) List<String> roles) {

  /**
   * @param url JDBC URL of an external PostgreSQL; blank means embedded
   * @param user the schema owner that runs migrations
   * @param password the owner's password
   * @param appUser the role the application queries as: not the tables' owner, not BYPASSRLS
   * @param appPassword the application role's password; blank means generated and kept under home
   */
  public record Database(
      String url,
      @DefaultValue("postgres") String user,
      String password,
      @DefaultValue("kiln_app") String appUser,
      String appPassword) {

    boolean embedded() {
      return url == null || url.isBlank();
    }
  }

  /**
   * @param bootstrapServers an external cluster; blank means the in-process KRaft broker
   */
  public record Kafka(String bootstrapServers) {

    boolean embedded() {
      return bootstrapServers == null || bootstrapServers.isBlank();
    }
  }

  /**
   * @param apiKey an OpenAI-compatible key; blank means the template engine generates
   */
  public record Llm(String baseUrl, String apiKey, String model) {
    /** Never prints the key. */
    @Override
    public String toString() {
      return "Llm[baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey == null || apiKey.isBlank() ? "unset" : "[set]")
          + ", model="
          + model
          + "]";
    }
  }
}
