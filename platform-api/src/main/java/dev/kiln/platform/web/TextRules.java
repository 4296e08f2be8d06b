package dev.kiln.platform.web;

/**
 * Regular expressions that text input must match. Names allow letters, marks, digits, spaces and a
 * little punctuation, and nothing that reads as markup, SQL or a control character.
 */
public final class TextRules {

  /** A display name: 1 to 100 characters, starting with a letter or digit. */
  public static final String NAME = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'&()_\\-]{0,99}$";

  /** What a name must look like, as a sentence for error messages. */
  public static final String NAME_MESSAGE =
      "must be 1 to 100 letters, digits, spaces or . , ' & ( ) _ - and start with a letter or digit";

  /** An email address in plain ASCII, at most 254 characters. */
  public static final String EMAIL =
      "^(?=.{3,254}$)[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+$";

  /** What an email must look like, as a sentence for error messages. */
  public static final String EMAIL_MESSAGE = "must be a valid email address";

  /** Free text such as a password: anything but control and invisible formatting characters. */
  public static final String NO_CONTROL = "^[^\\p{Cc}\\p{Cf}]*$";

  /** What free text must look like, as a sentence for error messages. */
  public static final String NO_CONTROL_MESSAGE = "must not contain control characters";

  private TextRules() {}
}
