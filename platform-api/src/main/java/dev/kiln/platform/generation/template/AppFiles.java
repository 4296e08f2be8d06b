package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.TsCode.Obj;
import dev.kiln.platform.generation.template.TsCode.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Next.js project of a manifest: the shared files plus what the manifest decides, namely {@code
 * lib/app.ts}, the data registry, one data module and four pages per entity, the custom pages, the
 * data module of the chosen integration and the README. Each entity's files depend only on that
 * entity.
 */
final class AppFiles {

  private AppFiles() {}

  static SortedMap<String, String> render(Manifest m) {
    SortedMap<String, String> files = new TreeMap<>(StaticFiles.app());
    files.put("package.json", StaticFiles.read("package.json"));
    files.put("package-lock.json", StaticFiles.read("package-lock.json"));
    files.put("lib/app.ts", appModule(m));
    files.put("lib/resources/index.ts", registry(m));
    String integration = m.integrations().contains("supabase") ? "supabase" : "postgres";
    files.put(
        "lib/data/" + integration + ".ts", StaticFiles.read("integrations/" + integration + ".ts"));
    for (Entity entity : m.entities()) {
      files.put(EntityModule.path(entity), EntityModule.render(m, entity));
      files.putAll(EntityPages.render(entity));
    }
    for (Page page : Pages.customPages(m)) {
      files.put("app/" + page.id() + "/page.tsx", customPage(page));
    }
    files.put("README.md", Readme.render(m));
    return files;
  }

  /** What kind of generic page a custom page shows. */
  static String view(Page page) {
    return Vocabulary.get().customPage(page.id().replace('-', '_')).orElse("blank");
  }

  private static String appModule(Manifest m) {
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("name", m.app().name());
    app.put("slug", m.app().slug());
    app.put("description", m.app().description());
    List<Object> pages = new ArrayList<>();
    for (Page page : Pages.customPages(m)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", "/" + page.id());
      entry.put("title", page.title());
      entry.put("view", view(page));
      pages.add(new Obj(entry, false));
    }
    app.put("pages", pages);
    return "import type { AppInfo } from \"@/lib/data/types\";\n\n"
        + "/** What this app is; Kiln writes it from kiln/manifest.json. */\n"
        + TsCode.assignment("export const app: AppInfo", new Obj(app, true));
  }

  /** The names an entity's resource constant must not take in the registry module. */
  private static final Set<String> REGISTRY_NAMES = Set.of("resources", "findResource");

  private static String registry(Manifest m) {
    StringBuilder out = new StringBuilder();
    List<Entity> byModule = new ArrayList<>(m.entities());
    byModule.sort((a, b) -> EntityModule.path(a).compareTo(EntityModule.path(b)));
    for (Entity entity : byModule) {
      String constant = EntityModule.constant(entity);
      String imported =
          REGISTRY_NAMES.contains(constant) ? constant + " as " + local(entity) : constant;
      out.append(
          TsCode.importLine(List.of(imported), "./" + EntityModule.resourceName(entity), false));
    }
    out.append("import type { Resource } from \"@/lib/data/types\";\n\n");
    out.append("/** Every resource of the app, in navigation order. */\n");
    List<Object> names = m.entities().stream().map(e -> (Object) new Raw(local(e))).toList();
    out.append(TsCode.assignment("export const resources: Resource[]", names));
    out.append("\n/** The resource registered under a name, its URL segment. */\n");
    out.append("export function findResource(name: string): Resource | undefined {\n");
    out.append("  return resources.find((resource) => resource.name === name);\n}\n");
    return out.toString();
  }

  private static String local(Entity entity) {
    String constant = EntityModule.constant(entity);
    return REGISTRY_NAMES.contains(constant) ? constant + "Resource" : constant;
  }

  private static String customPage(Page page) {
    String view = view(page);
    String component =
        switch (view) {
          case "reports" -> "Reports";
          case "calendar" -> "CalendarView";
          default -> "CustomPage";
        };
    String module =
        switch (view) {
          case "reports" -> "reports";
          case "calendar" -> "calendar-view";
          default -> "custom-page";
        };
    return EntityPages.page(
        page.title(),
        Names.pascal(Names.snake(page.id())) + "Page",
        List.of(TsCode.importLine(List.of(component), "@/components/pages/" + module, false)),
        "<" + component + " title=" + jsxString(page.title()) + " />");
  }

  /** A JSX attribute value: a plain string in double quotes, or an expression when it needs one. */
  static String jsxString(String text) {
    return text.contains("\"") ? "{" + TsCode.string(text) + "}" : "\"" + text + "\"";
  }
}
