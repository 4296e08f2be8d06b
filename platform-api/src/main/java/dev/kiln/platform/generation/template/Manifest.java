package dev.kiln.platform.generation.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an app is, independent of how it is rendered: its entities and their fields, roles, pages,
 * routes and integrations. The planner writes it, follow-ups revise it, the renderer turns it into
 * files. Every table also has the implicit columns {@code id}, {@code org_id}, {@code created_by},
 * {@code created_at} and {@code updated_at}, which are not listed as fields.
 *
 * <p>Values are immutable; lists are never null. {@link #toJson()} is canonical: the same manifest
 * always gives the same bytes (properties in a fixed order, lists in manifest order), so {@link
 * #sha()} identifies a manifest. The JSON shape is {@code generation/manifest.schema.json}.
 *
 * @param version the manifest format, {@value #FORMAT}
 * @param app what the app is called and what kind of app it is
 * @param entities the data the app manages, in navigation order
 * @param roles who may do what, the first being the most powerful
 * @param pages every page, derived from the entities plus custom pages
 * @param routes the URL of every page
 * @param integrations where the data lives when exported: {@code postgres} or {@code supabase}
 */
public record Manifest(
    int version,
    App app,
    List<Entity> entities,
    List<Role> roles,
    List<Page> pages,
    List<Route> routes,
    List<String> integrations) {

  /** The manifest format this engine reads and writes. */
  public static final int FORMAT = 1;

  public Manifest {
    Objects.requireNonNull(app, "app");
    entities = List.copyOf(entities);
    roles = List.copyOf(roles);
    pages = List.copyOf(pages);
    routes = List.copyOf(routes);
    integrations = List.copyOf(integrations);
  }

  /** The canonical JSON text, ending with a newline; equal manifests give equal text. */
  public String toJson() {
    return PrettyJson.print(ManifestJson.write(this));
  }

  /**
   * Reads a manifest written by {@link #toJson()} (or by hand to the same schema).
   *
   * @throws IllegalArgumentException when the text is not JSON or misses a required member
   */
  public static Manifest fromJson(String json) {
    return ManifestJson.read(PrettyJson.parse(json));
  }

  /** SHA-256 of {@link #toJson()} in lower-case hex. */
  public String sha() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The entity with this singular name, if any. */
  public Optional<Entity> entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The app itself.
   *
   * @param name display name ("Dental Clinic CRM")
   * @param slug URL-safe name ("dental-clinic-crm"), the package name of the project
   * @param kind the domain it was planned for ("crm", "blog", ..., "custom")
   * @param description one sentence on what it is for
   */
  public record App(String name, String slug, String kind, String description) {}

  /**
   * A kind of thing the app stores: one table, one API resource, four pages.
   *
   * @param name singular snake_case ("time_entry")
   * @param plural plural snake_case ("time_entries"), the table name
   * @param label singular display name ("Time entry")
   * @param pluralLabel plural display name ("Time entries")
   * @param icon the navigation icon, one of the names {@code generation/vocabulary.json} lists
   * @param fields the columns, in form order; the first text field is the record's title
   */
  public record Entity(
      String name,
      String plural,
      String label,
      String pluralLabel,
      String icon,
      List<Field> fields) {

    public Entity {
      fields = List.copyOf(fields);
    }

    /** The field with this name, if any. */
    public Optional<Field> field(String fieldName) {
      return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** A copy with other fields. */
    public Entity withFields(List<Field> newFields) {
      return new Entity(name, plural, label, pluralLabel, icon, newFields);
    }
  }

  /**
   * One column of an entity.
   *
   * @param name snake_case; a {@code belongs_to} field named {@code patient} is the column {@code
   *     patient_id}
   * @param label display name
   * @param type what it holds
   * @param required whether a value must be given
   * @param values the allowed values of an {@code enum} field, else empty
   * @param target the singular name of the entity a {@code belongs_to} field points at, else null
   */
  public record Field(
      String name,
      String label,
      FieldType type,
      boolean required,
      List<String> values,
      String target) {

    public Field {
      Objects.requireNonNull(type, "type");
      values = List.copyOf(values);
    }

    /** A plain field of a non-enum, non-relation type. */
    public static Field of(String name, FieldType type, boolean required) {
      return new Field(name, Names.label(name), type, required, List.of(), null);
    }
  }

  /** The kinds of value a field holds; JSON spells them in lower snake case. */
  public enum FieldType {
    TEXT,
    LONG_TEXT,
    NUMBER,
    MONEY,
    BOOLEAN,
    DATE,
    DATETIME,
    EMAIL,
    ENUM,
    BELONGS_TO;

    /** The JSON spelling, e.g. {@code long_text}. */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type spelled {@code json}; throws {@link IllegalArgumentException} if none. */
    public static FieldType fromJson(String json) {
      for (FieldType type : values()) {
        if (type.json().equals(json)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown field type " + json);
    }
  }

  /**
   * A role members of the app's organization hold.
   *
   * @param name snake_case identifier, used in RLS policies and JWT claims
   * @param label display name
   * @param access {@code manage} (everything, deletes too), {@code edit} (create and update) or
   *     {@code view} (read only)
   */
  public record Role(String name, String label, String access) {}

  /**
   * A page of the app.
   *
   * @param id unique identifier, e.g. {@code patients-list}
   * @param kind {@code dashboard}, {@code sign_in}, {@code sign_up}, {@code list}, {@code detail},
   *     {@code create}, {@code edit} or {@code custom}
   * @param title heading and document title
   * @param entity the singular entity name of an entity page, else null
   */
  public record Page(String id, String kind, String title, String entity) {}

  /**
   * Where a page lives. Detail and edit pages take the record id as a query parameter ({@code
   * /patients/view?id=3}), so the app exports statically.
   *
   * @param path the URL path
   * @param page the id of the page shown
   * @param access {@code public} or {@code signed_in}
   * @param nav whether the main navigation links to it
   */
  public record Route(String path, String page, String access, boolean nav) {}
}
