import { Link, useParams } from "react-router";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { AcceptInvitation } from "@/features/members/components/accept-invitation";
import { useMe } from "@/lib/auth/me";
import { useSessionStatus } from "@/lib/auth/use-session-status";
import { AuthPage } from "./auth-page";

function SignedInInvitation({ token }: { token: string }) {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Loading your account…" />;
  if (me.isError) {
    return <ErrorState title="Your account could not be loaded" error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <AcceptInvitation token={token} email={me.data.email} />;
}

/**
 * `/invitations/:token`: the link an owner sends. Signed out, the visitor logs in or signs up with
 * the invited email first and comes back here; signed in, they accept.
 */
export function InvitationRoute() {
  const { token = "" } = useParams();
  const status = useSessionStatus();

  if (status === "signed-in") {
    return (
      <main id="main" className="flex min-h-screen items-start justify-center px-6 pt-[10vh]">
        <title>Invitation · Kiln</title>
        <SignedInInvitation token={token} />
      </main>
    );
  }
  const here = paths.invitation(token);
  return (
    <AuthPage
      title="You are invited"
      description="Someone invited you to an organization on Kiln. Log in or create an account with the email address the invitation was sent to, then accept it."
    >
      <div className="grid gap-2">
        <Button asChild>
          <Link to={paths.login(here)}>Log in</Link>
        </Button>
        <Button asChild variant="outline">
          <Link to={paths.signup(here)}>Create an account</Link>
        </Button>
      </div>
    </AuthPage>
  );
}
