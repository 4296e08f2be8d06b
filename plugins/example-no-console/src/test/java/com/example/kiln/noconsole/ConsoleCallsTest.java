package com.example.kiln.noconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleCallsTest {

  private static List<ConsoleCalls.Hit> find(String source) {
    return ConsoleCalls.find(source, Set.of("log"));
  }

  @Test
  void findsACallAtTheColumnOfConsole() {
    assertEquals(List.of(new ConsoleCalls.Hit(2, 5, "log")), find("f();\n    console.log(1);\n"));
  }

  @Test
  void skipsCommentsStringsAndOtherMethods() {
    String source =
        """
        // console.log(1)
        /* console.log(2)
           console.log(3) */
        const a = 'console.log(4)', b = "console.log(5)", c = `console.log(6)`;
        console.warn(7); logger.console.log(8); console.log;
        """;

    assertEquals(List.of(), find(source));
  }

  @Test
  void looksInsideTemplateExpressionsAndKeepsCountingLines() {
    String source = "const s = `a\n${ {x: 1}.x + console.log(2) }\nb`;\nconsole.log(3);\n";

    assertEquals(
        List.of(new ConsoleCalls.Hit(2, 15, "log"), new ConsoleCalls.Hit(4, 1, "log")),
        find(source));
  }

  @Test
  void survivesAnUnterminatedString() {
    assertEquals(
        List.of(new ConsoleCalls.Hit(2, 1, "log")), find("const s = 'oops\nconsole.log(1);\n"));
  }
}
