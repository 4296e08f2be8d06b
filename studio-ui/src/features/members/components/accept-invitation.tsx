import { Link, useNavigate } from "react-router";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { paths } from "@/config/paths";
import { useAcceptInvitation } from "../api/accept-invitation";

interface AcceptInvitationProps {
  token: string;
  /** The signed-in account's email: the invitation must have been sent to it. */
  email: string;
}

/** Accepting an invitation as the signed-in user, then opening the org. */
export function AcceptInvitation({ token, email }: AcceptInvitationProps) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <h1 className="text-xl font-semibold">Join an organization</h1>
        <CardDescription>
          You are signed in as {email}. Accept the invitation if it was sent to this address.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <FormAlert error={accept.error} />
      </CardContent>
      <CardFooter className="justify-between">
        <Button asChild variant="link" className="px-0">
          <Link to={paths.home()}>Not now</Link>
        </Button>
        <Button
          disabled={accept.isPending}
          onClick={() => {
            accept.mutate(token, {
              onSuccess: ({ orgId }) => void navigate(paths.projects(orgId)),
            });
          }}
        >
          {accept.isPending ? "Accepting…" : "Accept invitation"}
        </Button>
      </CardFooter>
    </Card>
  );
}
