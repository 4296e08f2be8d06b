package dev.kiln.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  static final Pattern NAME = Pattern.compile(TextRules.NAME);
  static final Pattern EMAIL = Pattern.compile(TextRules.EMAIL);

  @ParameterizedTest
  @ValueSource(
      strings = {"Acme", "Zoë's Café", "O'Brien & Sons (EU)", "東京ラボ", "R2-D2 team_1", "Ünïcödé"})
  void acceptsOrdinaryNames(String name) {
    assertThat(NAME.matcher(name).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " Acme",
        "<b>Acme</b>",
        "a;b",
        "x' OR '1'='1",
        "tab\there",
        "rtl\u202Eabc",
        "zero\u200Bwidth"
      })
  void refusesMarkupSqlAndControlCharacters(String name) {
    assertThat(NAME.matcher(name).matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "x_y%z@ex-ample.org"})
  void acceptsPlainEmails(String email) {
    assertThat(EMAIL.matcher(email).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b",
        "a@-example.com",
        "a@example..com",
        "a b@example.com",
        "é@example.com",
        "a@example.com\n"
      })
  void refusesOddEmails(String email) {
    assertThat(EMAIL.matcher(email).matches()).isFalse();
  }
}
