package dev.kiln.platform.generation.template;

import static dev.kiln.platform.generation.template.TemplateFixtures.entities;
import static dev.kiln.platform.generation.template.TemplateFixtures.field;
import static dev.kiln.platform.generation.template.TemplateFixtures.fieldNames;
import static dev.kiln.platform.generation.template.TemplateFixtures.parents;
import static dev.kiln.platform.generation.template.TemplateFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The planner reads ordinary English: app kind, entities, their fields and relations. */
class PlannerTest {

  @Test
  void dentalCrmHasPatientsAppointmentsAndInvoicesThatBelongToPatients() {
    Manifest m = plan(TemplateFixtures.DENTAL_CRM);
    assertThat(m.app().name()).isEqualTo("Dental Clinic CRM");
    assertThat(m.app().slug()).isEqualTo("dental-clinic-crm");
    assertThat(entities(m)).containsExactly("patient", "appointment", "invoice");
    assertThat(fieldNames(m, "patient")).startsWith("name", "email", "phone", "date_of_birth");
    assertThat(field(m, "patient", "email").type()).isEqualTo(FieldType.EMAIL);
    assertThat(field(m, "patient", "date_of_birth").type()).isEqualTo(FieldType.DATE);
    assertThat(field(m, "invoice", "amount").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "invoice", "status").values()).contains("draft", "sent", "paid");
    assertThat(field(m, "invoice", "due_date").type()).isEqualTo(FieldType.DATE);
    assertThat(parents(m, "invoice")).containsExactly("patient");
    assertThat(parents(m, "appointment")).containsExactly("patient");
    assertThat(field(m, "appointment", "patient").required()).isTrue();
    assertThat(field(m, "appointment", "starts_at").type()).isEqualTo(FieldType.DATETIME);
  }

  @Test
  void usersWhoRateRecipesMakeRatingsOfRecipes() {
    Manifest m = plan(TemplateFixtures.RECIPES);
    assertThat(m.app().kind()).isEqualTo("recipes");
    assertThat(entities(m)).containsExactly("recipe", "rating");
    assertThat(parents(m, "rating")).containsExactly("recipe");
    assertThat(field(m, "rating", "score").type()).isEqualTo(FieldType.NUMBER);
    assertThat(fieldNames(m, "recipe")).contains("title", "servings", "instructions");
  }

  @Test
  void blogCommentsBelongToPostsAndPostsToAuthors() {
    Manifest m = plan(TemplateFixtures.BLOG);
    assertThat(entities(m)).containsExactly("post", "author", "comment");
    assertThat(parents(m, "comment")).containsExactly("post");
    assertThat(parents(m, "post")).containsExactly("author");
    assertThat(field(m, "post", "body").type()).isEqualTo(FieldType.LONG_TEXT);
    assertThat(field(m, "post", "status").values()).contains("draft", "published");
  }

  @Test
  void anInventoryTrackerNamingNoEntitiesGetsTheDomainDefaults() {
    Manifest m = plan(TemplateFixtures.INVENTORY);
    assertThat(m.app().name()).isEqualTo("Warehouse Inventory Tracker");
    assertThat(entities(m)).containsExactly("product", "supplier", "location", "stock_movement");
    assertThat(field(m, "product", "sku").type()).isEqualTo(FieldType.TEXT);
    assertThat(field(m, "product", "price").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "product", "quantity").type()).isEqualTo(FieldType.NUMBER);
    assertThat(parents(m, "stock_movement")).containsExactly("product", "location");
    assertThat(parents(m, "product")).containsExactly("supplier");
    assertThat(customPages(m)).containsExactly("reports");
  }

  @Test
  void aYogaStudioBookingSystemHasClassesInstructorsMembersAndBookings() {
    Manifest m = plan(TemplateFixtures.YOGA);
    assertThat(m.app().name()).isEqualTo("Yoga Studio Booking System");
    assertThat(m.app().kind()).isEqualTo("booking");
    assertThat(entities(m)).containsExactlyInAnyOrder("booking", "class", "instructor", "member");
    assertThat(parents(m, "booking")).containsExactly("class", "member");
    assertThat(parents(m, "class")).containsExactly("instructor");
    assertThat(field(m, "class", "capacity").type()).isEqualTo(FieldType.NUMBER);
    assertThat(customPages(m)).containsExactly("calendar");
  }

  @Test
  void kanbanTasksBelongToColumnsAndColumnsToBoards() {
    Manifest m = plan(TemplateFixtures.KANBAN);
    assertThat(entities(m)).containsExactly("board", "column", "task");
    assertThat(parents(m, "column")).containsExactly("board");
    assertThat(parents(m, "task")).containsExactly("column");
    assertThat(fieldNames(m, "task")).contains("title", "description").doesNotContain("due_date");
    assertThat(field(m, "column", "position").type()).isEqualTo(FieldType.NUMBER);
  }

  @Test
  void libraryLoansLinkBooksAndMembers() {
    Manifest m = plan(TemplateFixtures.LIBRARY);
    assertThat(m.app().kind()).isEqualTo("library");
    assertThat(entities(m)).containsExactly("book", "member", "loan");
    assertThat(parents(m, "loan")).containsExactly("book", "member");
    assertThat(field(m, "loan", "due_on").type()).isEqualTo(FieldType.DATE);
    assertThat(field(m, "book", "isbn").type()).isEqualTo(FieldType.TEXT);
  }

  @Test
  void gymCheckInsBelongToMembersAndClassesToTrainers() {
    Manifest m = plan(TemplateFixtures.GYM);
    assertThat(entities(m)).containsExactly("member", "trainer", "class", "check_in");
    assertThat(parents(m, "check_in")).containsExactly("member", "class");
    assertThat(parents(m, "class")).containsExactly("trainer");
    assertThat(field(m, "trainer", "hourly_rate").type()).isEqualTo(FieldType.MONEY);
  }

  @Test
  void gradesForStudentsInCoursesBelongToBoth() {
    Manifest m = plan(TemplateFixtures.SCHOOL);
    assertThat(m.app().kind()).isEqualTo("school");
    assertThat(entities(m)).contains("teacher", "grade", "student", "course");
    assertThat(parents(m, "grade")).containsExactly("student", "course");
    assertThat(parents(m, "student")).isEmpty();
    assertThat(field(m, "grade", "score").type()).isEqualTo(FieldType.NUMBER);
    assertThat(field(m, "grade", "term").type()).isEqualTo(FieldType.ENUM);
  }

  @Test
  void restaurantOrderItemsBelongToOrdersAndMenuItems() {
    Manifest m = plan(TemplateFixtures.RESTAURANT);
    assertThat(entities(m)).containsExactly("menu_item", "table", "order", "order_item");
    assertThat(parents(m, "order_item")).containsExactly("order", "menu_item");
    assertThat(parents(m, "order")).containsExactly("table");
    assertThat(field(m, "menu_item", "price").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "order", "status").values()).contains("preparing", "served");
  }

  @Test
  void eventTicketsBelongToEventsAndAttendees() {
    Manifest m = plan(TemplateFixtures.EVENTS);
    assertThat(entities(m)).containsExactly("event", "venue", "ticket", "attendee");
    assertThat(parents(m, "ticket")).containsExactly("event", "attendee");
    assertThat(parents(m, "event")).containsExactly("venue");
    assertThat(field(m, "ticket", "price").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "ticket", "type").values()).contains("vip");
  }

  @Test
  void fleetServiceRecordsAreMaintenanceRecordsOfVehicles() {
    Manifest m = plan(TemplateFixtures.FLEET);
    assertThat(entities(m)).containsExactlyInAnyOrder("maintenance_record", "vehicle", "driver");
    assertThat(parents(m, "maintenance_record")).containsExactly("vehicle");
    assertThat(field(m, "maintenance_record", "cost").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "vehicle", "license_plate").required()).isTrue();
  }

  @Test
  void candidatesApplyingToJobsMakeApplications() {
    Manifest m = plan(TemplateFixtures.JOBS);
    assertThat(entities(m)).containsExactly("job", "company", "candidate", "application");
    assertThat(parents(m, "application")).containsExactly("job", "candidate");
    assertThat(parents(m, "job")).containsExactly("company");
    assertThat(field(m, "job", "remote").type()).isEqualTo(FieldType.BOOLEAN);
  }

  @Test
  void realEstateViewingsAreOfListings() {
    Manifest m = plan(TemplateFixtures.REAL_ESTATE);
    assertThat(entities(m)).containsExactly("listing", "agent", "viewing");
    assertThat(parents(m, "viewing")).containsExactly("listing", "agent");
    assertThat(field(m, "listing", "price").type()).isEqualTo(FieldType.MONEY);
  }

  @Test
  void helpDeskTicketsBelongToCustomersAndAgents() {
    Manifest m = plan(TemplateFixtures.HELP_DESK);
    assertThat(m.app().name()).isEqualTo("Help Desk");
    assertThat(entities(m)).containsExactly("ticket", "customer", "agent");
    assertThat(parents(m, "ticket")).containsExactly("customer", "agent");
    assertThat(field(m, "ticket", "priority").values()).contains("low", "urgent");
    assertThat(parents(m, "customer")).isEmpty();
  }

  @Test
  void expensesHaveAmountsAndCategories() {
    Manifest m = plan(TemplateFixtures.EXPENSES);
    assertThat(entities(m)).containsExactly("expense", "category", "budget");
    assertThat(parents(m, "expense")).containsExactly("category");
    assertThat(field(m, "expense", "amount").type()).isEqualTo(FieldType.MONEY);
    assertThat(field(m, "budget", "period").values()).contains("monthly");
  }

  @Test
  void aHabitTrackerGetsHabitsAndTheirLogs() {
    Manifest m = plan(TemplateFixtures.HABITS);
    assertThat(entities(m)).startsWith("habit").contains("habit_log");
    assertThat(parents(m, "habit_log")).containsExactly("habit");
    assertThat(field(m, "habit_log", "done").type()).isEqualTo(FieldType.BOOLEAN);
  }

  @Test
  void petClinicVisitsBelongToPetsAndVets() {
    Manifest m = plan(TemplateFixtures.PET_CLINIC);
    assertThat(entities(m)).containsExactly("pet", "owner", "vet", "visit");
    assertThat(parents(m, "pet")).containsExactly("owner");
    assertThat(parents(m, "visit")).containsExactly("pet", "vet");
    assertThat(field(m, "pet", "species").values()).contains("dog", "cat");
  }

  @Test
  void timeEntriesBelongToProjectsAndProjectsToClients() {
    Manifest m = plan(TemplateFixtures.TIME_TRACKING);
    assertThat(entities(m)).containsExactly("project", "client", "time_entry");
    assertThat(parents(m, "time_entry")).containsExactly("project");
    assertThat(parents(m, "project")).containsExactly("client");
    assertThat(field(m, "time_entry", "hours").type()).isEqualTo(FieldType.NUMBER);
    assertThat(field(m, "time_entry", "billable").type()).isEqualTo(FieldType.BOOLEAN);
  }

  @Test
  void studentsEnrollingInCoursesMakeEnrollments() {
    Manifest m = plan(TemplateFixtures.COURSES);
    assertThat(entities(m)).contains("course", "student", "enrollment", "lesson", "instructor");
    assertThat(parents(m, "enrollment")).containsExactly("course", "student");
    assertThat(parents(m, "lesson")).containsExactly("course");
    assertThat(parents(m, "course")).containsExactly("instructor");
  }

  @Test
  void donationsBelongToDonorsAndCampaigns() {
    Manifest m = plan(TemplateFixtures.NONPROFIT);
    assertThat(entities(m)).containsExactly("donation", "donor", "campaign");
    assertThat(parents(m, "donation")).containsExactly("donor", "campaign");
    assertThat(field(m, "donation", "amount").type()).isEqualTo(FieldType.MONEY);
  }

  @Test
  void albumsBelongToArtists() {
    Manifest m = plan(TemplateFixtures.MUSIC);
    assertThat(entities(m)).containsExactly("artist", "album");
    assertThat(parents(m, "album")).containsExactly("artist");
  }

  @Test
  void supabaseIsRecordedAsTheIntegration() {
    Manifest m = plan(TemplateFixtures.SUPABASE_TODO);
    assertThat(m.integrations()).containsExactly("supabase");
    assertThat(entities(m)).containsExactlyInAnyOrder("project", "task");
    assertThat(parents(m, "task")).containsExactly("project");
    assertThat(plan(TemplateFixtures.BLOG).integrations()).containsExactly("postgres");
  }

  @Test
  void unknownNounsBecomeEntitiesWithANameAndDescription() {
    Manifest m = plan("an app for my band to manage gigs, songs and setlists");
    assertThat(entities(m)).containsExactly("gig", "song", "setlist");
    assertThat(fieldNames(m, "gig")).containsExactly("name", "description");
    assertThat(field(m, "gig", "name").required()).isTrue();
    assertThat(fieldNames(m, "song")).contains("title", "duration_seconds");
  }

  @Test
  void phrasingDecidesRelationsTheVocabularyDoesNotKnow() {
    Manifest m = plan("a tracker with venues and gigs for venues, plus setlists for gigs");
    assertThat(parents(m, "gig")).containsExactly("venue");
    assertThat(parents(m, "setlist")).containsExactly("gig");
  }

  @Test
  void aPromptNamingNothingStillGivesAnApp() {
    Manifest m = plan("something nice");
    assertThat(m.entities()).isNotEmpty();
    assertThat(ManifestSchema.problems(m.toJson())).isEmpty();
  }

  @Test
  void everyEntityGetsFourPagesAndTheAppGetsADashboardAndSignIn() {
    Manifest m = plan(TemplateFixtures.KANBAN);
    assertThat(m.pages().stream().map(Page::id))
        .startsWith("dashboard", "boards-list", "boards-detail", "boards-create", "boards-edit")
        .contains("tasks-list", "sign-in", "sign-up");
    assertThat(m.routes())
        .anySatisfy(r -> assertThat(r.path()).isEqualTo("/tasks/view"))
        .anySatisfy(r -> assertThat(r.path()).isEqualTo("/sign-in"));
  }

  static final java.util.List<String> PROMPTS = TemplateFixtures.PROMPTS;

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void everyPlanIsValidAndStable(String prompt) {
    Manifest first = plan(prompt);
    Manifest again = new TemplateEngine().plan(prompt);
    assertThat(ManifestSchema.problems(first.toJson())).isEmpty();
    assertThat(again.sha()).isEqualTo(first.sha());
    assertThat(again.toJson()).isEqualTo(first.toJson());
    assertThat(first.entities()).hasSizeGreaterThanOrEqualTo(2);
  }

  private static java.util.List<String> customPages(Manifest m) {
    return Pages.customPages(m).stream().map(Page::id).toList();
  }
}
