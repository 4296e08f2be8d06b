package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four route files of an entity under {@code app/<plural>/}: list, {@code view?id=}, {@code
 * new} and {@code edit?id=}. They name the resource only; the shared components do the rest, so
 * they never change when fields do.
 */
final class EntityPages {

  private EntityPages() {}

  static Map<String, String> render(Entity entity) {
    String resource = EntityModule.resourceName(entity);
    String base = "app/" + resource + "/";
    String plural = Names.pascal(entity.plural());
    String singular = Names.pascal(entity.name());
    String label = Pages.lower(entity.label());
    Map<String, String> files = new TreeMap<>();
    files.put(
        base + "page.tsx",
        page(
            entity.pluralLabel(),
            plural + "Page",
            imports("EntityList", "entity-list"),
            element("EntityList", resource)));
    files.put(
        base + "view/page.tsx",
        page(
            entity.label(),
            singular + "Page",
            imports("EntityDetail", "entity-detail"),
            element("EntityDetail", resource)));
    files.put(
        base + "new/page.tsx",
        page(
            "New " + label,
            "New" + singular + "Page",
            imports("EntityCreate", "entity-create"),
            element("EntityCreate", resource)));
    files.put(
        base + "edit/page.tsx",
        page(
            "Edit " + label,
            "Edit" + singular + "Page",
            imports("EntityEdit", "entity-edit"),
            element("EntityEdit", resource)));
    return files;
  }

  private static List<String> imports(String component, String module) {
    return List.of(TsCode.importLine(List.of(component), "@/components/entity/" + module, false));
  }

  private static String element(String component, String resource) {
    return "<" + component + " resource=\"" + resource + "\" />";
  }

  /** A route file: metadata with the title, a default export rendering one element. */
  static String page(String title, String function, List<String> imports, String element) {
    StringBuilder out = new StringBuilder("import type { Metadata } from \"next\";\n\n");
    imports.forEach(out::append);
    out.append('\n');
    out.append(
        TsCode.assignment(
            "export const metadata: Metadata", new TsCode.Obj(Map.of("title", title), false)));
    out.append("\nexport default function ").append(function).append("() {\n");
    String line = "  return " + element + ";";
    if (line.length() <= TsCode.WIDTH) {
      out.append(line).append('\n');
    } else {
      out.append("  return (\n    ").append(element).append("\n  );\n");
    }
    return out.append("}\n").toString();
  }
}
