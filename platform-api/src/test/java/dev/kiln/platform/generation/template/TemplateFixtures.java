package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import java.util.List;

/** The prompts the template engine is held to, shared by the unit tests and the build IT. */
final class TemplateFixtures {

  static final String DENTAL_CRM =
      "a CRM for a dental clinic with patients, appointments and invoices";
  static final String RECIPES = "a recipe site where users rate recipes";
  static final String BLOG = "a blog with posts, authors and comments";
  static final String INVENTORY = "an inventory tracker for a small warehouse";
  static final String YOGA = "a booking system for a yoga studio";
  static final String KANBAN = "a kanban board with boards, columns and tasks";
  static final String LIBRARY = "a library app to manage books, members and loans";
  static final String GYM = "a gym app with members, trainers, classes and check-ins";
  static final String SCHOOL =
      "a school gradebook where teachers record grades for students in courses";
  static final String RESTAURANT =
      "a restaurant ordering system with menu items, tables and orders with order items";
  static final String EVENTS = "an event ticketing app with events, venues, tickets and attendees";
  static final String FLEET =
      "a fleet maintenance tracker for vehicles, drivers and service records";
  static final String JOBS = "a job board where companies post jobs and candidates apply to jobs";
  static final String REAL_ESTATE = "a real estate site with listings, agents and viewings";
  static final String HELP_DESK = "a help desk for support tickets with customers and agents";
  static final String EXPENSES = "an expense tracker with categories and monthly budgets";
  static final String HABITS = "a habit tracker to build daily habits";
  static final String PET_CLINIC = "a pet clinic with owners, pets, vets and visits";
  static final String TIME_TRACKING =
      "project time tracking for an agency with clients, projects and time entries";
  static final String COURSES =
      "a course platform where students enroll in courses with lessons, taught by instructors";
  static final String NONPROFIT =
      "a donation tracker for a nonprofit with donors, campaigns and donations";
  static final String MUSIC = "an app to catalog my vinyl collection with artists and albums";
  static final String SUPABASE_TODO = "a simple todo app on Supabase with projects and tasks";

  /** Entity names that clash with the generated code's own names: resources, types, orders. */
  static final String CLASHING_NAMES =
      "a scheduling app for shared resources, rooms, types and orders with reservations";

  /** Every prompt above, in a fixed order. */
  static final List<String> PROMPTS =
      List.of(
          DENTAL_CRM,
          RECIPES,
          BLOG,
          INVENTORY,
          YOGA,
          KANBAN,
          LIBRARY,
          GYM,
          SCHOOL,
          RESTAURANT,
          EVENTS,
          FLEET,
          JOBS,
          REAL_ESTATE,
          HELP_DESK,
          EXPENSES,
          HABITS,
          PET_CLINIC,
          TIME_TRACKING,
          COURSES,
          NONPROFIT,
          MUSIC,
          SUPABASE_TODO,
          CLASHING_NAMES);

  /** Follow-ups applied, one after the other, to {@link #KANBAN} by {@link #revisedKanban()}. */
  static final List<String> KANBAN_FOLLOW_UPS =
      List.of(
          "add a due date to tasks",
          "add a priority (low, medium, high) to tasks",
          "add a page for reports",
          "add an entity called vendors with name and email",
          "rename boards to projects");

  private static final TemplateEngine ENGINE = new TemplateEngine();

  private TemplateFixtures() {}

  static Manifest plan(String prompt) {
    return ENGINE.plan(prompt);
  }

  /** The kanban board after every follow-up in {@link #KANBAN_FOLLOW_UPS}. */
  static Manifest revisedKanban() {
    Manifest m = plan(KANBAN);
    for (String followUp : KANBAN_FOLLOW_UPS) {
      m = ENGINE.revise(m, followUp);
    }
    return m;
  }

  /** The singular names of a manifest's entities, in order. */
  static List<String> entities(Manifest m) {
    return m.entities().stream().map(Entity::name).toList();
  }

  static Entity entity(Manifest m, String name) {
    return m.entity(name)
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + entities(m)));
  }

  static Field field(Manifest m, String entity, String field) {
    return entity(m, entity)
        .field(field)
        .orElseThrow(
            () ->
                new AssertionError(
                    entity + " has no field " + field + ": " + fieldNames(m, entity)));
  }

  static List<String> fieldNames(Manifest m, String entity) {
    return entity(m, entity).fields().stream().map(Field::name).toList();
  }

  /** The entities {@code entity} belongs to. */
  static List<String> parents(Manifest m, String entity) {
    return entity(m, entity).fields().stream()
        .filter(f -> f.type() == FieldType.BELONGS_TO)
        .map(Field::target)
        .toList();
  }
}
