package dev.kiln.platform.tenancy;

import dev.kiln.platform.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors of orgs, members and invitations. */
final class TenancyProblems {

  private TenancyProblems() {}

  /** Also what a non-member sees for an org that exists: never 403 across tenants. */
  static final class OrgNotFound extends ApiProblem {
    OrgNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "org-not-found",
          "Organization not found",
          "No organization with this id exists, or you are not a member of it.");
    }
  }

  static final class RoleRequired extends ApiProblem {
    private final Role required;
    private final Role actual;

    RoleRequired(Role required, Role actual) {
      super(
          HttpStatus.FORBIDDEN,
          "role-required",
          "Role required",
          "This needs the "
              + required.id()
              + " role in this organization; you are "
              + (actual == Role.EDITOR || actual == Role.OWNER ? "an " : "a ")
              + actual.id()
              + ". Ask an owner to change your role.");
      this.required = required;
      this.actual = actual;
    }

    @Override
    protected Map<String, Object> properties() {
      return Map.of("requiredRole", required.id(), "yourRole", actual.id());
    }
  }

  static final class MemberNotFound extends ApiProblem {
    MemberNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "member-not-found",
          "Member not found",
          "This user is not a member of the organization.");
    }
  }

  static final class LastOwner extends ApiProblem {
    LastOwner() {
      super(
          HttpStatus.CONFLICT,
          "last-owner",
          "An organization needs an owner",
          "This is the organization's last owner: make another member owner first.");
    }
  }

  static final class AlreadyMember extends ApiProblem {
    AlreadyMember() {
      super(
          HttpStatus.CONFLICT,
          "already-member",
          "Already a member",
          "This person is already a member of the organization.");
    }
  }

  static final class InvitationNotFound extends ApiProblem {
    InvitationNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "invitation-not-found",
          "Invitation not found",
          "This invitation does not exist or was revoked.");
    }
  }

  static final class InvitationGone extends ApiProblem {
    InvitationGone(String slug, String detail) {
      super(HttpStatus.GONE, slug, "Invitation no longer valid", detail);
    }
  }

  static final class InvitationForAnotherEmail extends ApiProblem {
    InvitationForAnotherEmail() {
      super(
          HttpStatus.FORBIDDEN,
          "invitation-for-another-email",
          "Invitation for another email",
          "This invitation was sent to a different email address than your account's.");
    }
  }
}
