package dev.kiln.platform.runtime;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints, once the application is ready, one table of what Kiln chose and the URL to open. */
@Component
class StartupReport {

  private final RuntimeSettings settings;
  private final DatabaseServer database;
  private final KafkaServer kafka;
  private final Environment environment;
  private final java.util.List<StartupFact> facts;

  StartupReport(
      RuntimeSettings settings,
      DatabaseServer database,
      KafkaServer kafka,
      Environment environment,
      java.util.List<StartupFact> facts) {
    this.facts = facts;
    this.settings = settings;
    this.database = database;
    this.kafka = kafka;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    print(System.out);
  }

  void print(PrintStream out) {
    out.print(render());
    out.flush();
  }

  String render() {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("home", settings.home().toAbsolutePath().normalize().toString());
    rows.put("database", database.endpoint().description());
    rows.put("kafka", kafka.description());
    facts.stream()
        .sorted(java.util.Comparator.comparingInt(StartupFact::order))
        .forEach(f -> rows.put(f.label(), f.choice()));
    rows.put("generator", generatorChoice());
    rows.put("roles", String.join(",", settings.roles()));
    int keyWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    int valueWidth = rows.values().stream().mapToInt(String::length).max().orElse(0);
    String rule = "+" + "-".repeat(keyWidth + 2) + "+" + "-".repeat(valueWidth + 2) + "+\n";
    StringBuilder table = new StringBuilder("\nKiln is ready.\n").append(rule);
    rows.forEach(
        (k, v) ->
            table.append(String.format("| %-" + keyWidth + "s | %-" + valueWidth + "s |%n", k, v)));
    boolean api = settings.roles().stream().anyMatch(r -> r.strip().equals(RolesFilter.API_ROLE));
    table
        .append(rule)
        .append(
            api
                ? "Open " + url()
                : "No API here (no api role); health at " + url() + "actuator/health")
        .append('\n');
    return table.toString();
  }

  private String url() {
    String port = environment.getProperty("local.server.port", String.valueOf(settings.port()));
    return "http://localhost:" + port + "/";
  }

  private String generatorChoice() {
    boolean llm = settings.llm().apiKey() != null && !settings.llm().apiKey().isBlank();
    return llm
        ? "LLM gateway (" + settings.llm().model() + "; an org's own key comes first)"
        : "template engine (deterministic; no LLM key set); orgs that store a key get the LLM"
            + " gateway";
  }
}
