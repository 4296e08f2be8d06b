package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages and routes of an app, derived from its entities and custom pages: a dashboard, four
 * pages per entity (list, detail, create, edit), the custom pages, sign-in and sign-up. Detail and
 * edit pages take {@code ?id=}, so every route is a static path.
 */
final class Pages {

  /** The pages and routes of an app, in navigation order. */
  record Layout(List<Page> pages, List<Route> routes) {}

  private Pages() {}

  static Layout derive(List<Entity> entities, List<Page> customPages) {
    List<Page> pages = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    pages.add(new Page("dashboard", "dashboard", "Dashboard", null));
    routes.add(new Route("/", "dashboard", "signed_in", true));
    Set<String> paths = new HashSet<>(Set.of("/", "/sign-in", "/sign-up"));
    for (Entity e : entities) {
      String base = "/" + Names.kebab(e.plural());
      String id = Names.kebab(e.plural());
      paths.add(base);
      pages.add(new Page(id + "-list", "list", e.pluralLabel(), e.name()));
      pages.add(new Page(id + "-detail", "detail", e.label(), e.name()));
      pages.add(new Page(id + "-create", "create", "New " + lower(e.label()), e.name()));
      pages.add(new Page(id + "-edit", "edit", "Edit " + lower(e.label()), e.name()));
      routes.add(new Route(base, id + "-list", "signed_in", true));
      routes.add(new Route(base + "/view", id + "-detail", "signed_in", false));
      routes.add(new Route(base + "/new", id + "-create", "signed_in", false));
      routes.add(new Route(base + "/edit", id + "-edit", "signed_in", false));
    }
    for (Page custom : customPages) {
      String path = "/" + custom.id();
      if (paths.add(path)) {
        pages.add(custom);
        routes.add(new Route(path, custom.id(), "signed_in", true));
      }
    }
    pages.add(new Page("sign-in", "sign_in", "Sign in", null));
    pages.add(new Page("sign-up", "sign_up", "Create account", null));
    routes.add(new Route("/sign-in", "sign-in", "public", false));
    routes.add(new Route("/sign-up", "sign-up", "public", false));
    return new Layout(pages, routes);
  }

  /** A custom page called by these words ("reports", "team calendar"). */
  static Page custom(String words) {
    String id = Names.slug(words);
    return new Page(id, "custom", Names.title(words.replace('_', ' ')), null);
  }

  /** The custom pages of a manifest, in order. */
  static List<Page> customPages(Manifest manifest) {
    return manifest.pages().stream().filter(p -> p.kind().equals("custom")).toList();
  }

  /** The manifest with pages and routes derived again from its entities and custom pages. */
  static Manifest relayout(Manifest m, List<Entity> entities, List<Page> customPages) {
    Layout layout = derive(entities, customPages);
    return new Manifest(
        m.version(),
        m.app(),
        entities,
        m.roles(),
        layout.pages(),
        layout.routes(),
        m.integrations());
  }

  /** "Time entry" to "time entry", but "SKU item" stays. */
  static String lower(String label) {
    return label.isEmpty() || Character.isUpperCase(label.charAt(Math.min(1, label.length() - 1)))
        ? label
        : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }
}
