package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Role;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code openapi.json}: an OpenAPI 3.1 document of the CRUD API, five operations per entity ({@code
 * listPatients}, {@code createPatient}, {@code getPatient}, {@code updatePatient}, {@code
 * deletePatient}) over camelCase JSON, errors as RFC 9457 problem details, and the roles allowed to
 * call each operation in {@code x-kiln-roles}.
 */
final class OpenApi {

  private OpenApi() {}

  /** The operation ids of an entity, in the order list, create, get, update, delete. */
  static List<String> operations(Entity entity) {
    String one = Names.pascal(entity.name());
    String many = Names.pascal(entity.plural());
    return List.of("list" + many, "create" + one, "get" + one, "update" + one, "delete" + one);
  }

  static String render(Manifest m) {
    ObjectNode root = PrettyJson.object();
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info");
    info.put("title", m.app().name() + " API");
    info.put("version", "1.0.0");
    info.put("description", m.app().description());
    root.putArray("servers").addObject().put("url", "/api");
    root.putArray("security").addObject().putArray("bearerAuth");
    ArrayNode tags = root.putArray("tags");
    m.entities().forEach(e -> tags.addObject().put("name", e.pluralLabel()));
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = PrettyJson.object();
    for (Entity entity : m.entities()) {
      paths(m, entity, paths);
      schemas.set(Names.pascal(entity.name()), schema(m, entity, false));
      schemas.set(Names.pascal(entity.name()) + "Input", schema(m, entity, true));
    }
    ObjectNode components = root.putObject("components");
    schemas.set("ProblemDetail", problem());
    components.set("schemas", schemas);
    components.set("responses", responses());
    ObjectNode bearer = components.putObject("securitySchemes").putObject("bearerAuth");
    bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    return PrettyJson.print(root);
  }

  private static void paths(Manifest m, Entity entity, ObjectNode paths) {
    String base = "/" + EntityModule.resourceName(entity);
    String one = Names.pascal(entity.name());
    List<String> ops = operations(entity);
    List<String> readers = roles(m, List.of("manage", "edit", "view"));
    List<String> writers = roles(m, List.of("manage", "edit"));
    List<String> managers = roles(m, List.of("manage"));
    ObjectNode collection = paths.putObject(base);
    ObjectNode list =
        operation(
            collection,
            "get",
            ops.get(0),
            "List " + Pages.lower(entity.pluralLabel()),
            entity,
            readers);
    ArrayNode params = list.putArray("parameters");
    params.add(query("q", "Text to search for", PrettyJson.object().put("type", "string")));
    params.add(
        query(
            "limit",
            "How many rows at most",
            PrettyJson.object()
                .put("type", "integer")
                .put("minimum", 1)
                .put("maximum", 200)
                .put("default", 50)));
    params.add(
        query(
            "offset",
            "How many rows to skip",
            PrettyJson.object().put("type", "integer").put("minimum", 0).put("default", 0)));
    ObjectNode array = PrettyJson.object().put("type", "array");
    array.putObject("items").put("$ref", "#/components/schemas/" + one);
    ok(list, "200", "The rows, newest first", array);
    errors(list, "401");
    ObjectNode create =
        operation(
            collection,
            "post",
            ops.get(1),
            "Create " + Pages.lower(entity.label()),
            entity,
            writers);
    body(create, one + "Input");
    ok(create, "201", "Created", ref(one));
    errors(create, "400", "401", "403");
    ObjectNode item = paths.putObject(base + "/{id}");
    ObjectNode id = item.putArray("parameters").addObject();
    id.put("name", "id").put("in", "path").put("required", true);
    id.putObject("schema").put("type", "integer").put("format", "int64");
    ObjectNode get =
        operation(item, "get", ops.get(2), "Get " + Pages.lower(entity.label()), entity, readers);
    ok(get, "200", "The row", ref(one));
    errors(get, "401", "404");
    ObjectNode update =
        operation(
            item, "patch", ops.get(3), "Update " + Pages.lower(entity.label()), entity, writers);
    body(update, one + "Input");
    ok(update, "200", "Updated", ref(one));
    errors(update, "400", "401", "403", "404");
    ObjectNode delete =
        operation(
            item, "delete", ops.get(4), "Delete " + Pages.lower(entity.label()), entity, managers);
    delete.putObject("responses").putObject("204").put("description", "Deleted");
    errors(delete, "401", "403", "404");
  }

  private static ObjectNode operation(
      ObjectNode path,
      String method,
      String id,
      String summary,
      Entity entity,
      List<String> roles) {
    ObjectNode op = path.putObject(method);
    op.put("operationId", id).put("summary", summary);
    op.putArray("tags").add(entity.pluralLabel());
    op.set("x-kiln-roles", PrettyJson.strings(roles));
    return op;
  }

  private static ObjectNode query(String name, String description, ObjectNode schema) {
    ObjectNode p =
        PrettyJson.object().put("name", name).put("in", "query").put("description", description);
    p.set("schema", schema);
    return p;
  }

  private static ObjectNode ref(String schema) {
    return PrettyJson.object().put("$ref", "#/components/schemas/" + schema);
  }

  private static void body(ObjectNode op, String schema) {
    ObjectNode body = op.putObject("requestBody").put("required", true);
    body.putObject("content").putObject("application/json").set("schema", ref(schema));
  }

  private static void ok(ObjectNode op, String status, String description, ObjectNode schema) {
    ObjectNode responses =
        op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    ObjectNode response = responses.putObject(status).put("description", description);
    response.putObject("content").putObject("application/json").set("schema", schema);
  }

  private static void errors(ObjectNode op, String... statuses) {
    ObjectNode responses = (ObjectNode) op.get("responses");
    for (String status : statuses) {
      String name =
          switch (status) {
            case "400" -> "Invalid";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            default -> "NotFound";
          };
      responses.putObject(status).put("$ref", "#/components/responses/" + name);
    }
  }

  private static ObjectNode schema(Manifest m, Entity entity, boolean input) {
    ObjectNode schema = PrettyJson.object().put("type", "object");
    ObjectNode properties = PrettyJson.object();
    ArrayNode required = PrettyJson.array();
    if (!input) {
      properties.set(
          "id",
          PrettyJson.object().put("type", "integer").put("format", "int64").put("readOnly", true));
      required.add("id");
    }
    for (Field field : entity.fields()) {
      String name = EntityModule.property(field);
      properties.set(name, property(m, field, input));
      if (field.required() || field.type() == FieldType.BOOLEAN && !input) {
        required.add(name);
      }
    }
    if (!input) {
      for (String time : List.of("createdAt", "updatedAt")) {
        properties.set(
            time,
            PrettyJson.object()
                .put("type", "string")
                .put("format", "date-time")
                .put("readOnly", true));
        required.add(time);
      }
    }
    schema.set("required", required);
    schema.set("properties", properties);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode property(Manifest m, Field field, boolean input) {
    ObjectNode p = PrettyJson.object();
    String type =
        switch (field.type()) {
          case NUMBER, MONEY -> "number";
          case BOOLEAN -> "boolean";
          case BELONGS_TO -> "integer";
          default -> "string";
        };
    boolean nullable = !field.required() && field.type() != FieldType.BOOLEAN;
    if (nullable) {
      p.set("type", PrettyJson.strings(List.of(type, "null")));
    } else {
      p.put("type", type);
    }
    p.put("title", field.label());
    switch (field.type()) {
      case TEXT -> p.put("maxLength", 200);
      case LONG_TEXT -> p.put("maxLength", 5000);
      case EMAIL -> p.put("format", "email");
      case MONEY -> p.put("multipleOf", 0.01);
      case DATE -> p.put("format", "date");
      case DATETIME -> p.put("format", "date-time");
      case BELONGS_TO -> {
        p.put("format", "int64");
        p.put(
            "description",
            "The id of a "
                + Pages.lower(m.entity(field.target()).map(Entity::label).orElse(field.target())));
      }
      case ENUM -> {
        ArrayNode values = PrettyJson.strings(field.values());
        if (nullable) {
          values.addNull();
        }
        p.set("enum", values);
      }
      default -> {}
    }
    if (input && field.type() == FieldType.BOOLEAN) {
      p.put("default", false);
    }
    return p;
  }

  private static ObjectNode problem() {
    ObjectNode schema = PrettyJson.object().put("type", "object");
    schema.put("description", "An RFC 9457 problem detail.");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string").put("format", "uri-reference");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    ObjectNode errors = properties.putObject("errors").put("type", "object");
    errors.putObject("additionalProperties").put("type", "string");
    errors.put("description", "Field name to what is wrong with it");
    return schema;
  }

  private static ObjectNode responses() {
    ObjectNode responses = PrettyJson.object();
    for (String[] r :
        new String[][] {
          {"Invalid", "A field is missing or invalid"},
          {"Unauthorized", "No valid bearer token"},
          {"Forbidden", "The caller's role may not do this"},
          {"NotFound", "No such row in the caller's organization"}
        }) {
      ObjectNode response = responses.putObject(r[0]).put("description", r[1]);
      response
          .putObject("content")
          .putObject("application/problem+json")
          .set("schema", ref("ProblemDetail"));
    }
    return responses;
  }

  private static List<String> roles(Manifest m, List<String> access) {
    return m.roles().stream().filter(r -> access.contains(r.access())).map(Role::name).toList();
  }
}
