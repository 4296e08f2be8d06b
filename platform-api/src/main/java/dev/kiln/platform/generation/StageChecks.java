package dev.kiln.platform.generation;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The validation of the API and UI stages' artifacts; each answers its problems, none = valid. */
final class StageChecks {

  private StageChecks() {}

  /** Parses the document with swagger-parser: OpenAPI 3.1, paths, an operation id everywhere. */
  static List<String> openApi(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    var api = result.getOpenAPI();
    if (api == null) {
      problems.add("not an OpenAPI document");
      return problems;
    }
    if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.1")) {
      problems.add("openapi must be 3.1.x, not " + api.getOpenapi());
    }
    if (api.getPaths() == null || api.getPaths().isEmpty()) {
      problems.add("the document has no paths");
    } else {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, op) -> {
                            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                              problems.add(method + " " + path + " has no operationId");
                            }
                          }));
    }
    return problems;
  }

  /** The operation ids of a valid document. */
  static Set<String> operationIds(String document) {
    Set<String> ids = new TreeSet<>();
    var api = new OpenAPIV3Parser().readContents(document, null, new ParseOptions()).getOpenAPI();
    if (api != null && api.getPaths() != null) {
      api.getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations().stream()
                      .map(op -> op.getOperationId())
                      .filter(java.util.Objects::nonNull)
                      .forEach(ids::add));
    }
    return ids;
  }

  /**
   * UI JSON is valid when it parses, and every operation a component binds to (any {@code
   * operationId} or {@code operation} member) exists in the API.
   */
  static List<String> ui(String uiJson, Set<String> operations, JsonMapper json) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = json.readTree(uiJson);
    } catch (RuntimeException e) {
      return List.of("UI JSON does not parse: " + e.getMessage());
    }
    if (root == null || !(root.isObject() || root.isArray()) || root.isEmpty()) {
      return List.of("UI JSON is empty");
    }
    check(root, operations, problems);
    return problems;
  }

  private static void check(JsonNode node, Set<String> operations, List<String> problems) {
    if (node.isObject()) {
      for (String key : List.of("operationId", "operation")) {
        JsonNode op = node.get(key);
        if (op != null && op.isString() && !operations.contains(op.asString())) {
          problems.add("a component binds to the unknown operation " + op.asString());
        }
      }
      node.values().forEach(child -> check(child, operations, problems));
    } else if (node.isArray()) {
      node.forEach(child -> check(child, operations, problems));
    }
  }
}
