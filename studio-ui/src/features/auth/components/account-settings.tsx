import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { useMe } from "@/lib/auth/me";
import { useLogOut } from "../api/log-out";

/** The signed-in user's name and email, and logging out of this browser. */
export function AccountSettings() {
  const me = useMe();
  const logOut = useLogOut();

  if (me.isPending) return <LoadingState label="Loading your account…" />;
  if (me.isError) {
    return (
      <ErrorState title="Your account could not be loaded" error={me.error} onRetry={() => void me.refetch()} />
    );
  }

  return (
    <div className="grid max-w-2xl gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{me.data.name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd>{me.data.email}</dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Session</CardTitle>
          <CardDescription>
            Logging out ends the session in this browser. Other devices stay signed in until their
            sessions expire.
          </CardDescription>
        </CardHeader>
        <CardFooter>
          <Button
            variant="outline"
            disabled={logOut.isPending}
            onClick={() => {
              logOut.mutate();
            }}
          >
            {logOut.isPending ? "Logging out…" : "Log out"}
          </Button>
        </CardFooter>
      </Card>
    </div>
  );
}
