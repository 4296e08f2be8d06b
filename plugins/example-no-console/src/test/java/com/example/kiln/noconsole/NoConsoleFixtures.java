package com.example.kiln.noconsole;

import dev.kiln.plugin.api.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** The fixture app and helpers shared by the tests. */
final class NoConsoleFixtures {

  /**
   * A Next.js app with console calls in pages, a component, a template literal, comments, a string
   * and a library file.
   */
  static final Path NEXT_APP = Path.of("src/test/resources/fixtures/next-app");

  private NoConsoleFixtures() {}

  /** Diagnostics as "file:line:column rule" strings, easy to compare. */
  static List<String> positions(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule())
        .toList();
  }
}
