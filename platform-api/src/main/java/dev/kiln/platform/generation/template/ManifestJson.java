package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.App;
import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Role;
import dev.kiln.platform.generation.template.Manifest.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical JSON form of a {@link Manifest}: properties in declaration order, optional ones
 * ({@code values}, {@code target}, {@code entity}) left out when empty.
 */
final class ManifestJson {

  private ManifestJson() {}

  static ObjectNode write(Manifest m) {
    ObjectNode root = PrettyJson.object();
    root.put("version", m.version());
    ObjectNode app = root.putObject("app");
    app.put("name", m.app().name());
    app.put("slug", m.app().slug());
    app.put("kind", m.app().kind());
    app.put("description", m.app().description());
    ArrayNode entities = root.putArray("entities");
    m.entities().forEach(e -> entities.add(entity(e)));
    ArrayNode roles = root.putArray("roles");
    for (Role r : m.roles()) {
      roles.addObject().put("name", r.name()).put("label", r.label()).put("access", r.access());
    }
    ArrayNode pages = root.putArray("pages");
    for (Page p : m.pages()) {
      ObjectNode page = pages.addObject().put("id", p.id()).put("kind", p.kind());
      page.put("title", p.title());
      if (p.entity() != null) {
        page.put("entity", p.entity());
      }
    }
    ArrayNode routes = root.putArray("routes");
    for (Route r : m.routes()) {
      routes
          .addObject()
          .put("path", r.path())
          .put("page", r.page())
          .put("access", r.access())
          .put("nav", r.nav());
    }
    root.set("integrations", PrettyJson.strings(m.integrations()));
    return root;
  }

  private static ObjectNode entity(Entity e) {
    ObjectNode node = PrettyJson.object();
    node.put("name", e.name()).put("plural", e.plural()).put("label", e.label());
    node.put("pluralLabel", e.pluralLabel()).put("icon", e.icon());
    ArrayNode fields = node.putArray("fields");
    for (Field f : e.fields()) {
      ObjectNode field = fields.addObject().put("name", f.name()).put("label", f.label());
      field.put("type", f.type().json()).put("required", f.required());
      if (!f.values().isEmpty()) {
        field.set("values", PrettyJson.strings(f.values()));
      }
      if (f.target() != null) {
        field.put("target", f.target());
      }
    }
    return node;
  }

  static Manifest read(JsonNode root) {
    require(root.isObject(), "a manifest is a JSON object");
    JsonNode app = member(root, "app");
    return new Manifest(
        member(root, "version").asInt(),
        new App(
            text(app, "name"),
            text(app, "slug"),
            text(app, "kind"),
            app.path("description").asString("")),
        list(root.path("entities"), ManifestJson::readEntity),
        list(
            root.path("roles"),
            r -> new Role(text(r, "name"), text(r, "label"), text(r, "access"))),
        list(
            root.path("pages"),
            p ->
                new Page(
                    text(p, "id"),
                    text(p, "kind"),
                    text(p, "title"),
                    p.path("entity").asString(null))),
        list(
            root.path("routes"),
            r ->
                new Route(
                    text(r, "path"),
                    text(r, "page"),
                    r.path("access").asString("signed_in"),
                    r.path("nav").asBoolean(false))),
        list(root.path("integrations"), JsonNode::asString));
  }

  private static Entity readEntity(JsonNode e) {
    String name = text(e, "name");
    String plural = e.path("plural").asString(Names.plural(name));
    return new Entity(
        name,
        plural,
        e.path("label").asString(Names.label(name)),
        e.path("pluralLabel").asString(Names.label(plural)),
        e.path("icon").asString("box"),
        list(e.path("fields"), ManifestJson::readField));
  }

  private static Field readField(JsonNode f) {
    String name = text(f, "name");
    return new Field(
        name,
        f.path("label").asString(Names.label(name)),
        FieldType.fromJson(text(f, "type")),
        f.path("required").asBoolean(false),
        list(f.path("values"), JsonNode::asString),
        f.path("target").asString(null));
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
    List<T> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(element -> out.add(read.apply(element)));
    }
    return out;
  }

  private static JsonNode member(JsonNode node, String name) {
    JsonNode value = node.get(name);
    require(value != null && !value.isNull(), "the manifest misses \"" + name + "\"");
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = member(node, name);
    require(value.isString(), "\"" + name + "\" must be a string");
    return value.stringValue();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
