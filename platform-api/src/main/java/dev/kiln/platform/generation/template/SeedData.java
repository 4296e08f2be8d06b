package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Realistic demo rows, the same in {@code db/seed.sql} and the preview's store. A value depends
 * only on its entity, its field and the row number (never on other entities or a clock), so adding
 * a field to one entity leaves every other entity's rows as they were.
 */
final class SeedData {

  /** Rows per entity. */
  static final int ROWS = 6;

  /** Every date is counted from this Monday. */
  static final LocalDate BASE = LocalDate.of(2026, 3, 2);

  /** One demo row: its id, creation time and a value per field name (null for none). */
  record Row(long id, String createdAt, Map<String, Object> values) {}

  private static final JsonNode SAMPLES = load();
  private static final Set<String> MOSTLY_FALSE =
      Set.of(
          "done",
          "paid",
          "archived",
          "completed",
          "returned",
          "achieved",
          "pinned",
          "recurring",
          "remote",
          "reimbursable",
          "flagged",
          "checked_in",
          "answered",
          "accepted",
          "urgent");
  private static final Set<String> PERSON_TEXT =
      Set.of(
          "assignee", "author_name", "applicant_name", "guest_name", "contact_name", "owner_name");

  private SeedData() {}

  /** The demo rows of an entity. */
  static List<Row> rows(Manifest manifest, Entity entity) {
    Vocabulary vocabulary = Vocabulary.get();
    Vocabulary.Domain domain =
        vocabulary.domains().stream()
            .filter(d -> d.kind().equals(manifest.app().kind()))
            .findFirst()
            .orElse(null);
    Vocabulary.Template template =
        vocabulary
            .canonical(entity.name())
            .flatMap(name -> vocabulary.template(name, domain))
            .orElse(null);
    String kind = template == null ? guessKind(entity) : template.kind();
    List<String> samples = template == null ? List.of() : template.samples();
    String title = titleField(entity);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Field field : entity.fields()) {
        Values v = new Values(entity, field, i, kind, values);
        values.put(
            field.name(),
            field.name().equals(title) && !samples.isEmpty() && field.type() == FieldType.TEXT
                ? samples.get(i % samples.size())
                : v.value());
      }
      rows.add(new Row(i + 1, createdAt(i), values));
    }
    return rows;
  }

  /** The field a row is called by: the first text or email field, else null. */
  static String titleField(Entity entity) {
    return entity.fields().stream()
        .filter(f -> f.type() == FieldType.TEXT || f.type() == FieldType.EMAIL)
        .map(Field::name)
        .findFirst()
        .orElse(null);
  }

  /** Rows are created one a day up to the day before {@link #BASE}, in order. */
  static String createdAt(int row) {
    return BASE.minusDays(ROWS - row).toString() + "T" + String.format("%02d", 9 + row) + ":00:00Z";
  }

  private static String guessKind(Entity entity) {
    boolean name = entity.field("name").isPresent();
    boolean email = entity.fields().stream().anyMatch(f -> f.type() == FieldType.EMAIL);
    return name && email ? "person" : "thing";
  }

  static int hash(String key) {
    return Math.floorMod(key.hashCode(), 1_000_003);
  }

  static List<String> pool(String name) {
    List<String> out = new ArrayList<>();
    SAMPLES.path(name).forEach(v -> out.add(v.asString()));
    return out;
  }

  static List<String> fieldPool(String field) {
    List<String> out = new ArrayList<>();
    SAMPLES.path("fieldValues").path(field).forEach(v -> out.add(v.asString()));
    return out;
  }

  /** A person's name for row {@code i} of a sequence named {@code key}; distinct per row. */
  static String person(String key, int i) {
    List<String> first = pool("firstNames");
    List<String> last = pool("lastNames");
    int h = hash(key);
    return first.get((h + i * 7) % first.size()) + " " + last.get((h / 7 + i * 3) % last.size());
  }

  /** How one value is chosen. */
  private record Values(Entity entity, Field field, int i, String kind, Map<String, Object> row) {

    int h() {
      return hash(entity.name() + "." + field.name());
    }

    <T> T pick(List<T> pool) {
      return pool.get((h() + i) % pool.size());
    }

    Object value() {
      return switch (field.type()) {
        case TEXT -> text();
        case LONG_TEXT -> longText();
        case EMAIL -> email();
        case NUMBER -> SeedNumbers.number(entity.name(), field.name(), h(), i);
        case MONEY -> SeedNumbers.money(entity.name(), field.name(), h(), i);
        case BOOLEAN ->
            MOSTLY_FALSE.contains(field.name()) ? (h() + i) % 3 == 0 : (h() + i) % 4 != 3;
        case DATE -> SeedNumbers.date(field.name(), h(), i).toString();
        case DATETIME -> datetime();
        case ENUM -> field.values().get((h() + i) % field.values().size());
        case BELONGS_TO -> (long) ((hash(entity.name() + ">" + field.target()) + i) % ROWS + 1);
      };
    }

    private String text() {
      String name = field.name();
      if (name.equals("name") && kind.equals("person") || PERSON_TEXT.contains(name)) {
        return person(entity.name() + (name.equals("name") ? "" : "." + name), i);
      }
      if (name.equals("name") && kind.equals("org") || name.equals("company")) {
        return pick(pool("companies"));
      }
      List<String> known = fieldPool(name);
      if (!known.isEmpty()) {
        return pick(known);
      }
      return patterned(name).orElseGet(this::generic);
    }

    private java.util.Optional<String> patterned(String name) {
      String prefix = prefix(entity.name());
      String result =
          switch (name) {
            case "phone" -> "+1 555-01" + String.format("%02d", (h() + i * 17) % 100);
            case "address" -> pick(pool("streets"));
            case "city" -> pick(pool("cities"));
            case "sku" -> "SKU-" + (1001 + (h() % 50) * 10 + i);
            case "number", "code" -> prefix + "-" + (1001 + i);
            case "reference" -> "REF-" + (2001 + i);
            case "isbn" -> "978-1-4028-" + String.format("%04d", 3100 + i * 37) + "-" + i;
            case "vin" -> "1FTBW3XM5HKA" + String.format("%05d", 10000 + (h() + i * 313) % 90000);
            case "license_plate" -> "KLN-" + (420 + i * 13);
            case "slug" -> slug();
            case "color" -> pick(List.of("Blue", "Green", "Red", "Orange", "Purple", "Gray"));
            default -> null;
          };
      if (result == null
          && (name.endsWith("_url") || name.equals("website") || name.equals("url"))) {
        result = "https://example.com/" + Names.kebab(entity.plural()) + "/" + (i + 1);
      }
      if (result == null && name.endsWith("_number")) {
        result = prefix + "-" + (5001 + i * 7);
      }
      return java.util.Optional.ofNullable(result);
    }

    private String generic() {
      if (field.name().equals("name")
          || field.name().equals("title")
          || field.name().equals("subject")) {
        return pick(pool("words")) + " " + entity.label().toLowerCase(Locale.ROOT);
      }
      return pick(pool("texts"));
    }

    private String slug() {
      Object title =
          row.values().stream().filter(v -> v instanceof String).findFirst().orElse(null);
      return title == null ? entity.name() + "-" + (i + 1) : Names.slug(title.toString());
    }

    private String longText() {
      List<String> sentences = pool("sentences");
      int n =
          field.name().matches("body|content|instructions|description|summary|synopsis") ? 2 : 1;
      StringBuilder out = new StringBuilder();
      for (int k = 0; k < n; k++) {
        out.append(k == 0 ? "" : " ")
            .append(sentences.get((h() + i * 5 + k * 3) % sentences.size()));
      }
      return out.toString();
    }

    private String email() {
      String name =
          kind.equals("person") && row.get("name") instanceof String s
              ? s
              : person(entity.name() + "." + field.name(), i);
      if (kind.equals("org") && row.get("name") instanceof String company) {
        return "hello@" + Names.slug(company) + ".example.com";
      }
      return Names.snake(name).replace('_', '.') + "@example.com";
    }

    private String datetime() {
      Object start =
          row.values().stream()
              .filter(v -> v instanceof String s && s.endsWith(":00Z"))
              .findFirst()
              .orElse(null);
      if (start != null && field.name().matches("ends_at|arrived_at|finished_at|closed_at")) {
        String s = start.toString();
        int hour = Integer.parseInt(s.substring(11, 13)) + 2;
        return s.substring(0, 11) + String.format("%02d", Math.min(hour, 23)) + s.substring(13);
      }
      LocalDate day = BASE.plusDays((h() + i * 3) % 21 - 6);
      int slot = (h() / 3 + i * 5) % 18;
      return day + "T" + String.format("%02d:%02d", 8 + slot / 2, slot % 2 * 30) + ":00Z";
    }
  }

  /** SKU-like prefixes: invoice gives INV, purchase_order gives PO. */
  static String prefix(String entity) {
    String[] words = entity.split("_");
    if (words.length > 1) {
      StringBuilder initials = new StringBuilder();
      for (String w : words) {
        initials.append(w.charAt(0));
      }
      return initials.toString().toUpperCase(Locale.ROOT);
    }
    return entity.substring(0, Math.min(3, entity.length())).toUpperCase(Locale.ROOT);
  }

  /** A number as seed SQL and TypeScript write it: no exponent, no trailing zeros. */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static JsonNode load() {
    try (InputStream in =
        SeedData.class.getClassLoader().getResourceAsStream("generation/samples.json")) {
      if (in == null) {
        throw new IllegalStateException("generation/samples.json is missing from the class path");
      }
      return PrettyJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
