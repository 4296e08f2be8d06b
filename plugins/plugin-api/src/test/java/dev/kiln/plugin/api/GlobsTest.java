package dev.kiln.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobsTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "**/*.ts                        | a.ts                    | true",
        "**/*.ts                        | src/lib/a.ts            | true",
        "**/*.ts                        | src/lib/a.tsx           | false",
        "**/*.ts                        | src/a.ts.bak            | false",
        "*.ts                           | a.ts                    | true",
        "*.ts                           | src/a.ts                | false",
        "src/**                         | src/a/b/c.css           | true",
        "src/**                         | srcs/a.css              | false",
        "app/**/*.tsx                   | app/page.tsx            | true",
        "app/**/*.tsx                   | app/(shop)/cart/page.tsx | true",
        "app/**/*.tsx                   | components/app/page.tsx | false",
        "**/*.{ts,tsx,js}               | components/Button.tsx   | true",
        "**/*.{ts,tsx,js}               | styles/site.css         | false",
        "{app,components}/**/*.{ts,tsx} | components/ui/x.ts      | true",
        "{app,{lib,utils}}/*.ts         | utils/x.ts              | true",
        "page.?sx                       | page.tsx                | true",
        "?.ts                           | a/b.ts                  | false",
        "**/.env*                       | config/.env.local       | true",
        "a**b                           | a/x/b                   | true",
        "file[1].txt                    | file[1].txt             | true",
        "\\{literal\\}.txt              | {literal}.txt           | true",
        "a.b                            | axb                     | false",
      })
  void matchesWholeRelativePaths(String glob, String path, boolean expected) {
    assertThat(Globs.matches(glob, path)).isEqualTo(expected);
  }

  @Test
  void anyOfMatchesWhenOneGlobDoes() {
    var matcher = Globs.anyOf(List.of("app/**/*.tsx", "components/**/*.tsx"));

    assertThat(matcher.test("components/nav/Menu.tsx")).isTrue();
    assertThat(matcher.test("lib/db.ts")).isFalse();
    assertThat(Globs.anyOf(List.of()).test("a.ts")).isFalse();
  }

  @Test
  void rejectsMalformedGlobsWithTheReason() {
    assertThatThrownBy(() -> Globs.validate("src/{a,b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed glob \"src/{a,b\": '{' without '}'");
    assertThatThrownBy(() -> Globs.validate("a}")).hasMessageContaining("'}' without '{'");
    assertThatThrownBy(() -> Globs.validate("a\\")).hasMessageContaining("ends with");
    assertThatThrownBy(() -> Globs.validate(" ")).hasMessageContaining("blank");
  }
}
