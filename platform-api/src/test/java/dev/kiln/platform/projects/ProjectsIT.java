package dev.kiln.platform.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Projects by role, and versions read from each project's git repository. */
@KilnIntegrationTest
class ProjectsIT {

  @LocalServerPort int port;
  @Autowired ProjectRepos repos;
  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  TestUser editor;
  TestUser viewer;
  UUID org;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Project Owner");
    editor = fixtures.signUp("Project Editor");
    viewer = fixtures.signUp("Project Viewer");
    org = fixtures.createOrg(owner, "Builders");
    fixtures.join(owner, org, editor, "editor");
    fixtures.join(owner, org, viewer, "viewer");
  }

  String projects() {
    return "/api/v1/orgs/" + org + "/projects";
  }

  UUID create(String name) {
    Api.Response created = api.post(projects(), editor.accessToken(), Map.of("name", name));
    assertThat(created.status()).isEqualTo(201);
    return UUID.fromString(created.json().get("project").get("id").asString());
  }

  @Test
  void editorsCreateAndRenameViewersReadOwnersDelete() {
    assertThat(api.post(projects(), viewer.accessToken(), Map.of("name", "Nope")).status())
        .isEqualTo(403);
    UUID id = create("Clinic CRM");
    assertThat(api.get(projects(), viewer.accessToken()).json().get(0).get("name").asString())
        .isEqualTo("Clinic CRM");
    Api.Response renamed =
        api.patch(projects() + "/" + id, editor.accessToken(), Map.of("name", "Dental CRM"));
    assertThat(renamed.json().get("name").asString()).isEqualTo("Dental CRM");
    assertThat(api.delete(projects() + "/" + id, editor.accessToken()).status()).isEqualTo(403);
    assertThat(api.delete(projects() + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    Api.Response gone = api.get(projects() + "/" + id, viewer.accessToken());
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("type").asString()).endsWith("/project-not-found");
    assertThat(api.post(projects(), editor.accessToken(), Map.of("name", "<script>")).status())
        .isEqualTo(400);
  }

  @Test
  void anotherOrgsProjectIsNotFound() {
    UUID id = create("Private");
    TestUser stranger = fixtures.signUp("Stranger");
    UUID theirs = fixtures.createOrg(stranger, "Elsewhere");
    assertThat(api.get(projects() + "/" + id, stranger.accessToken()).status()).isEqualTo(404);
    assertThat(
            api.get("/api/v1/orgs/" + theirs + "/projects/" + id, stranger.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void versionsFilesDiffAndRestoreComeFromTheRepository() {
    UUID id = create("Versioned");
    var v1 =
        repos.commit(
            id,
            null,
            List.of(
                new ProjectRepos.Patch("app/page.tsx", "export default 1;\n", null),
                new ProjectRepos.Patch("README.md", "# One\n", null)),
            "First version",
            Map.of("Kiln-Generation", "gen-1"));
    var v2 =
        repos.commit(
            id,
            v1.id(),
            List.of(
                new ProjectRepos.Patch("README.md", "# Two\n", sha("# One\n")),
                new ProjectRepos.Patch("app/page.tsx", null, sha("export default 1;\n")),
                new ProjectRepos.Patch("app/new/page.tsx", "export default 2;\n", null)),
            "Second version",
            Map.of());
    String base = projects() + "/" + id + "/versions";

    JsonNode versions = api.get(base, viewer.accessToken()).json();
    assertThat(versions.size()).isEqualTo(2);
    assertThat(versions.get(0).get("id").asString()).isEqualTo(v2.id());
    assertThat(versions.get(0).get("number").asInt()).isEqualTo(2);
    assertThat(versions.get(1).get("generationId").asString()).isEqualTo("gen-1");

    JsonNode files = api.get(base + "/" + v1.id() + "/files", viewer.accessToken()).json();
    assertThat(files.size()).isEqualTo(2);
    Api.Response file =
        api.get(
            base + "/" + v1.id().substring(0, 10) + "/files/app/page.tsx", viewer.accessToken());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("content").asString()).isEqualTo("export default 1;\n");
    assertThat(api.get(base + "/" + v2.id() + "/files/app/page.tsx", viewer.accessToken()).status())
        .isEqualTo(404);

    JsonNode diff =
        api.get(base + "/" + v2.id() + "/diff?from=" + v1.id(), viewer.accessToken()).json();
    assertThat(diff.toString())
        .contains("\"path\":\"README.md\"", "\"change\":\"modify\"")
        .contains("\"path\":\"app/page.tsx\"", "\"change\":\"delete\"")
        .contains("\"path\":\"app/new/page.tsx\"", "\"change\":\"add\"")
        .contains("-# One", "+# Two");

    assertThat(api.post(base + "/" + v1.id() + "/restore", viewer.accessToken(), Map.of()).status())
        .isEqualTo(403);
    Api.Response restored =
        api.post(base + "/" + v1.id() + "/restore", editor.accessToken(), Map.of());
    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.json().get("number").asInt()).isEqualTo(3);
    assertThat(repos.files(id, restored.json().get("id").asString()))
        .isEqualTo(repos.files(id, v1.id()));
    assertThat(api.get(projects() + "/" + id, viewer.accessToken()).json().get("head").asString())
        .isEqualTo(restored.json().get("id").asString());

    assertThat(api.get(base + "/deadbeef", viewer.accessToken()).status()).isEqualTo(404);
    assertThat(api.get(base + "/not-a-sha", viewer.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void aCommitOnAStaleHeadOrBaseIsRefusedAndChangesNothing() {
    UUID id = create("Raced");
    var v1 =
        repos.commit(
            id, null, List.of(new ProjectRepos.Patch("a.txt", "1\n", null)), "one", Map.of());
    repos.commit(
        id, v1.id(), List.of(new ProjectRepos.Patch("a.txt", "2\n", sha("1\n"))), "two", Map.of());
    assertThatThrownBy(
            () ->
                repos.commit(
                    id,
                    v1.id(),
                    List.of(new ProjectRepos.Patch("a.txt", "3\n", sha("1\n"))),
                    "late",
                    Map.of()))
        .isInstanceOf(ProjectRepos.Conflict.class);
    String head = repos.head(id);
    assertThatThrownBy(
            () ->
                repos.commit(
                    id,
                    head,
                    List.of(new ProjectRepos.Patch("a.txt", "3\n", sha("1\n"))),
                    "stale base",
                    Map.of()))
        .isInstanceOf(ProjectRepos.Conflict.class)
        .hasMessageContaining("base sha");
    assertThat(repos.versions(id)).hasSize(2);
    assertThat(repos.file(id, head, "a.txt")).contains("2\n");
  }

  @Test
  void aUnifiedDiffPatchChangesOnlyItsLinesAndIsRefusedOnAnotherBase() {
    UUID id = create("Diffed");
    String one = "a\nb\nc\nd\ne\nf\ng\n";
    String two = "a\nb\nc\nD\ne\nf\ng\n";
    var v1 =
        repos.commit(
            id, null, List.of(new ProjectRepos.Patch("lib/x.ts", one, null)), "one", Map.of());
    String diff = UnifiedDiff.between("lib/x.ts", one, two);

    var v2 =
        repos.commit(
            id,
            v1.id(),
            List.of(ProjectRepos.Patch.diff("lib/x.ts", diff, sha(one))),
            "two",
            Map.of());

    assertThat(repos.file(id, v2.id(), "lib/x.ts")).contains(two);
    assertThat(repos.diff(id, v1.id(), v2.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.diff()).contains("-d").contains("+D"));
    // The same diff on content it was not computed from (with the right sha claimed) is refused.
    var v3 =
        repos.commit(
            id,
            v2.id(),
            List.of(new ProjectRepos.Patch("lib/x.ts", "a\nb\nc\nd!\ne\n", sha(two))),
            "three",
            Map.of());
    String content = "a\nb\nc\nd!\ne\n";
    assertThatThrownBy(
            () ->
                repos.commit(
                    id,
                    v3.id(),
                    List.of(ProjectRepos.Patch.diff("lib/x.ts", diff, sha(content))),
                    "misplaced",
                    Map.of()))
        .isInstanceOf(ProjectRepos.Conflict.class)
        .hasMessageContaining("the diff does not apply");
    assertThat(repos.head(id)).isEqualTo(v3.id());
    assertThatThrownBy(() -> new ProjectRepos.Patch("a", "x", "@@", "sha"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String sha(String content) {
    return ProjectRepos.sha256(content.getBytes(StandardCharsets.UTF_8));
  }
}
