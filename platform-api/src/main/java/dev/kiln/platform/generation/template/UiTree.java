package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Route;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kiln/ui.json}: every page as a tree of shadcn/ui components ({@code component}, {@code
 * props}, {@code children}); data-bound nodes name their API operation in {@code operationId},
 * which {@code openapi.json} defines. Describes what the files under {@code app/} render.
 */
final class UiTree {

  private UiTree() {}

  static String render(Manifest m) {
    ObjectNode root = PrettyJson.object();
    root.put("version", 1);
    root.put("app", m.app().name());
    root.put("library", "shadcn/ui");
    ArrayNode nav = root.putArray("navigation");
    for (Route route : m.routes()) {
      if (route.nav()) {
        Page page = page(m, route.page());
        nav.addObject().put("label", page.title()).put("path", route.path()).put("page", page.id());
      }
    }
    ArrayNode pages = root.putArray("pages");
    for (Route route : m.routes()) {
      Page page = page(m, route.page());
      ObjectNode node = pages.addObject();
      node.put("id", page.id()).put("path", route.path()).put("title", page.title());
      node.put("file", "app" + (route.path().equals("/") ? "" : route.path()) + "/page.tsx");
      node.set("tree", tree(m, page));
    }
    return PrettyJson.print(root);
  }

  private static Page page(Manifest m, String id) {
    return m.pages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static ObjectNode tree(Manifest m, Page page) {
    Entity entity = page.entity() == null ? null : m.entity(page.entity()).orElseThrow();
    return switch (page.kind()) {
      case "dashboard" -> dashboard(m);
      case "list" -> list(entity);
      case "detail" -> detail(m, entity);
      case "create", "edit" -> form(m, entity, page.kind().equals("edit"));
      case "sign_in" -> auth("auth.signIn", List.of("email", "password"), "Sign in");
      case "sign_up" ->
          auth("auth.signUp", List.of("name", "email", "password", "confirm"), "Create account");
      default -> custom(m, page);
    };
  }

  private static ObjectNode node(String component) {
    return PrettyJson.object().put("component", component);
  }

  private static ArrayNode children(ObjectNode node) {
    return node.putArray("children");
  }

  private static ObjectNode header(String title) {
    ObjectNode header = node("PageHeader");
    header.putObject("props").put("title", title);
    return header;
  }

  private static ObjectNode dashboard(Manifest m) {
    ObjectNode root = node("Page");
    ArrayNode kids = children(root);
    kids.add(header("Dashboard"));
    ObjectNode counts = node("Grid");
    ObjectNode recent = node("Grid");
    for (Entity e : m.entities()) {
      ObjectNode count = node("Card").put("operationId", OpenApi.operations(e).get(0));
      count
          .putObject("props")
          .put("title", e.pluralLabel())
          .put("href", "/" + EntityModule.resourceName(e));
      count.put("value", "count");
      children(counts).add(count);
      ObjectNode latest = node("Card").put("operationId", OpenApi.operations(e).get(0));
      latest
          .putObject("props")
          .put("title", "Recent " + Pages.lower(e.pluralLabel()))
          .put("limit", 5);
      children(recent).add(latest);
    }
    kids.add(counts);
    kids.add(recent);
    return root;
  }

  private static ObjectNode list(Entity e) {
    ObjectNode root = node("Page");
    ArrayNode kids = children(root);
    ObjectNode header = header(e.pluralLabel());
    ObjectNode create = node("Button");
    create
        .putObject("props")
        .put("label", "New " + Pages.lower(e.label()))
        .put("href", "/" + EntityModule.resourceName(e) + "/new");
    children(header).add(create);
    kids.add(header);
    ObjectNode search = node("Input");
    search
        .putObject("props")
        .put("type", "search")
        .put("placeholder", "Search " + Pages.lower(e.pluralLabel()));
    kids.add(search);
    ObjectNode table = node("Table").put("operationId", OpenApi.operations(e).get(0));
    ArrayNode columns = table.putArray("columns");
    for (Field f : e.fields()) {
      if (f.type() != FieldType.LONG_TEXT) {
        columns
            .addObject()
            .put("field", EntityModule.property(f))
            .put("label", f.label())
            .put("cell", cell(f));
      }
    }
    ObjectNode card = node("Card");
    children(card).add(table);
    kids.add(card);
    return root;
  }

  private static String cell(Field f) {
    return switch (f.type()) {
      case ENUM, BOOLEAN -> "Badge";
      case BELONGS_TO -> "Link";
      default -> "Text";
    };
  }

  private static ObjectNode detail(Manifest m, Entity e) {
    List<String> ops = OpenApi.operations(e);
    ObjectNode root = node("Page").put("operationId", ops.get(2));
    ArrayNode kids = children(root);
    ObjectNode header = header(e.label());
    ObjectNode edit = node("Button");
    edit.putObject("props")
        .put("label", "Edit")
        .put("variant", "outline")
        .put("href", "/" + EntityModule.resourceName(e) + "/edit?id={id}");
    ObjectNode delete = node("Button").put("operationId", ops.get(4));
    delete.putObject("props").put("label", "Delete").put("variant", "destructive");
    children(header).add(edit).add(delete);
    kids.add(header);
    ObjectNode card = node("Card");
    ObjectNode fields = node("DescriptionList").put("operationId", ops.get(2));
    ArrayNode items = fields.putArray("fields");
    e.fields()
        .forEach(
            f ->
                items
                    .addObject()
                    .put("field", EntityModule.property(f))
                    .put("label", f.label())
                    .put("cell", cell(f)));
    children(card).add(fields);
    kids.add(card);
    for (Entity child : m.entities()) {
      for (Field f : child.fields()) {
        if (f.type() == FieldType.BELONGS_TO && f.target().equals(e.name())) {
          ObjectNode related = node("Card");
          related.putObject("props").put("title", child.pluralLabel());
          ObjectNode table = node("Table").put("operationId", OpenApi.operations(child).get(0));
          table.putObject("filter").put(EntityModule.property(f), "{id}");
          children(related).add(table);
          kids.add(related);
        }
      }
    }
    return root;
  }

  private static ObjectNode form(Manifest m, Entity e, boolean edit) {
    List<String> ops = OpenApi.operations(e);
    ObjectNode root = node("Page");
    if (edit) {
      root.put("operationId", ops.get(2));
    }
    ArrayNode kids = children(root);
    kids.add(header((edit ? "Edit " : "New ") + Pages.lower(e.label())));
    ObjectNode form = node("Form").put("operationId", ops.get(edit ? 3 : 1));
    ArrayNode inputs = children(form);
    for (Field f : e.fields()) {
      ObjectNode input = node(inputComponent(f));
      ObjectNode props = input.putObject("props");
      props
          .put("name", EntityModule.property(f))
          .put("label", f.label())
          .put("required", f.required());
      switch (f.type()) {
        case ENUM -> props.set("options", PrettyJson.strings(f.values()));
        case BELONGS_TO ->
            input.put("operationId", OpenApi.operations(m.entity(f.target()).orElseThrow()).get(0));
        case LONG_TEXT, BOOLEAN -> {}
        default -> props.put("type", inputType(f.type()));
      }
      inputs.add(input);
    }
    ObjectNode submit = node("Button");
    submit
        .putObject("props")
        .put("label", edit ? "Save changes" : "Create " + Pages.lower(e.label()))
        .put("type", "submit");
    inputs.add(submit);
    ObjectNode card = node("Card");
    children(card).add(form);
    kids.add(card);
    return root;
  }

  private static String inputComponent(Field f) {
    return switch (f.type()) {
      case LONG_TEXT -> "Textarea";
      case ENUM, BELONGS_TO -> "Select";
      case BOOLEAN -> "Checkbox";
      default -> "Input";
    };
  }

  private static String inputType(FieldType type) {
    return switch (type) {
      case NUMBER, MONEY -> "number";
      case DATE -> "date";
      case DATETIME -> "datetime-local";
      case EMAIL -> "email";
      default -> "text";
    };
  }

  private static ObjectNode auth(String action, List<String> fields, String label) {
    ObjectNode root = node("Card");
    ObjectNode form = node("Form").put("action", action);
    ArrayNode inputs = children(form);
    for (String field : fields) {
      ObjectNode input = node("Input");
      input
          .putObject("props")
          .put("name", field)
          .put(
              "type",
              field.startsWith("pass") || field.equals("confirm")
                  ? "password"
                  : field.equals("email") ? "email" : "text")
          .put("required", true);
      inputs.add(input);
    }
    ObjectNode submit = node("Button");
    submit.putObject("props").put("label", label).put("type", "submit");
    inputs.add(submit);
    children(root).add(form);
    return root;
  }

  private static ObjectNode custom(Manifest m, Page page) {
    ObjectNode root = node("Page");
    ArrayNode kids = children(root);
    kids.add(header(page.title()));
    String view = AppFiles.view(page);
    for (Entity e : m.entities()) {
      ObjectNode card = node("Card").put("operationId", OpenApi.operations(e).get(0));
      card.putObject("props").put("title", e.pluralLabel()).put("view", view);
      kids.add(card);
    }
    return root;
  }
}
