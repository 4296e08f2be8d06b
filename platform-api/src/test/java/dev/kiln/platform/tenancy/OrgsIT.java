package dev.kiln.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.AppSql;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@KilnIntegrationTest
class OrgsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  UUID org;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Owner");
    org = fixtures.createOrg(owner, "Acme");
  }

  @Test
  void anInvitedViewerJoinsAndIsRefusedEditorAndOwnerActions() {
    TestUser viewer = fixtures.signUp("Viewer");
    fixtures.join(owner, org, viewer, "viewer");

    Api.Response me = api.get("/api/v1/me", viewer.accessToken());
    assertThat(me.json().get("orgs").valueStream().map(o -> o.get("role").asString()))
        .containsExactlyInAnyOrder("owner", "viewer");
    assertThat(api.get("/api/v1/orgs/" + org, viewer.accessToken()).text("role"))
        .isEqualTo("viewer");
    assertThat(api.get("/api/v1/orgs/" + org + "/members", viewer.accessToken()).json()).hasSize(2);

    Api.Response refused =
        api.post(
            "/api/v1/orgs/" + org + "/invitations",
            viewer.accessToken(),
            Map.of("email", "friend@example.com", "role", "editor"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("https://kiln.dev/problems/role-required");
    assertThat(refused.text("detail")).contains("owner role").contains("you are a viewer");

    Api.Response rename =
        api.patch("/api/v1/orgs/" + org, viewer.accessToken(), Map.of("name", "Mine"));
    assertThat(rename.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/orgs/" + org, owner.accessToken()).text("name")).isEqualTo("Acme");
  }

  @Test
  void anotherOrgsObjectsAnswer404Never403() {
    TestUser stranger = fixtures.signUp("Stranger");
    for (String path : new String[] {"", "/members", "/invitations"}) {
      Api.Response r = api.get("/api/v1/orgs/" + org + path, stranger.accessToken());
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.text("type")).isEqualTo("https://kiln.dev/problems/org-not-found");
    }
    assertThat(api.get("/api/v1/orgs/" + UUID.randomUUID(), stranger.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/orgs/not-a-uuid", stranger.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void ownersChangeRolesButTheLastOwnerCanNeverBeDemotedOrLeave() {
    TestUser editor = fixtures.signUp("Editor");
    fixtures.join(owner, org, editor, "editor");

    Api.Response demoteSelf =
        api.patch(
            "/api/v1/orgs/" + org + "/members/" + owner.id(),
            owner.accessToken(),
            Map.of("role", "editor"));
    assertThat(demoteSelf.status()).isEqualTo(409);
    assertThat(demoteSelf.text("type")).isEqualTo("https://kiln.dev/problems/last-owner");
    Api.Response leave =
        api.delete("/api/v1/orgs/" + org + "/members/" + owner.id(), owner.accessToken());
    assertThat(leave.status()).isEqualTo(409);

    Api.Response promote =
        api.patch(
            "/api/v1/orgs/" + org + "/members/" + editor.id(),
            owner.accessToken(),
            Map.of("role", "owner"));
    assertThat(promote.status()).isEqualTo(200);
    assertThat(promote.text("role")).isEqualTo("owner");

    assertThat(
            api.delete("/api/v1/orgs/" + org + "/members/" + owner.id(), owner.accessToken())
                .status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/orgs/" + org, owner.accessToken()).status()).isEqualTo(404);
    Api.Response lastOwnerLeaves =
        api.delete("/api/v1/orgs/" + org + "/members/" + editor.id(), editor.accessToken());
    assertThat(lastOwnerLeaves.status()).isEqualTo(409);
  }

  @Test
  void membersLeaveAndOwnersRemoveMembers() {
    TestUser a = fixtures.signUp("Leaver");
    TestUser b = fixtures.signUp("Removed");
    fixtures.join(owner, org, a, "viewer");
    fixtures.join(owner, org, b, "editor");

    assertThat(api.delete("/api/v1/orgs/" + org + "/members/" + b.id(), a.accessToken()).status())
        .isEqualTo(403);
    assertThat(api.delete("/api/v1/orgs/" + org + "/members/" + a.id(), a.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/orgs/" + org, a.accessToken()).status()).isEqualTo(404);

    assertThat(
            api.delete("/api/v1/orgs/" + org + "/members/" + b.id(), owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/orgs/" + org + "/members", owner.accessToken()).json()).hasSize(1);
    assertThat(
            api.delete("/api/v1/orgs/" + org + "/members/" + b.id(), owner.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void anInvitationIsSingleUseAndOnlyForItsEmail() {
    TestUser invitee = fixtures.signUp("Invitee");
    TestUser other = fixtures.signUp("Other");
    String token = fixtures.invite(owner, org, invitee.email(), "editor");

    Api.Response wrongPerson =
        api.post("/api/v1/invitations/" + token + "/accept", other.accessToken(), null);
    assertThat(wrongPerson.status()).isEqualTo(403);
    assertThat(wrongPerson.text("type"))
        .isEqualTo("https://kiln.dev/problems/invitation-for-another-email");

    Api.Response accepted =
        api.post("/api/v1/invitations/" + token + "/accept", invitee.accessToken(), null);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.text("role")).isEqualTo("editor");
    assertThat(accepted.text("orgId")).isEqualTo(org.toString());

    Api.Response again =
        api.post("/api/v1/invitations/" + token + "/accept", invitee.accessToken(), null);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.text("type")).isEqualTo("https://kiln.dev/problems/invitation-used");

    assertThat(
            api.post("/api/v1/invitations/nonsense/accept", invitee.accessToken(), null).status())
        .isEqualTo(404);
    Api.Response memberAgain =
        api.post(
            "/api/v1/orgs/" + org + "/invitations",
            owner.accessToken(),
            Map.of("email", invitee.email(), "role", "viewer"));
    assertThat(memberAgain.status()).isEqualTo(409);
  }

  @Test
  void expiredAndRevokedInvitationsCannotBeAccepted() {
    TestUser late = fixtures.signUp("Late");
    String expired = fixtures.invite(owner, org, late.email(), "viewer");
    new AppSql(tx, jdbc)
        .inOrg(
            org,
            () ->
                jdbc.sql(
                        "update invitations set expires_at = now() - interval '1 minute'"
                            + " where org_id = ?")
                    .param(org)
                    .update());
    Api.Response r =
        api.post("/api/v1/invitations/" + expired + "/accept", late.accessToken(), null);
    assertThat(r.status()).isEqualTo(410);
    assertThat(r.text("type")).isEqualTo("https://kiln.dev/problems/invitation-expired");

    String revoked = fixtures.invite(owner, org, late.email(), "viewer");
    Api.Response pending = api.get("/api/v1/orgs/" + org + "/invitations", owner.accessToken());
    assertThat(pending.json()).hasSize(1);
    String id = pending.json().get(0).get("id").asString();
    assertThat(
            api.delete("/api/v1/orgs/" + org + "/invitations/" + id, owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(
            api.post("/api/v1/invitations/" + revoked + "/accept", late.accessToken(), null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void ownersRenameTheirOrg() {
    Api.Response renamed =
        api.patch("/api/v1/orgs/" + org, owner.accessToken(), Map.of("name", "Acme Labs"));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/me", owner.accessToken()).raw()).contains("Acme Labs");
  }
}
