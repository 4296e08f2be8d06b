import { useState } from "react";
import { Navigate } from "react-router";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { CreateOrgDialog } from "@/features/orgs/components/create-org-dialog";
import { useMe } from "@/lib/auth/me";

/** `/`: the first org's projects (the personal org comes first), or a way to create one. */
export function HomeRedirect() {
  const me = useMe();
  const [creating, setCreating] = useState(false);

  if (me.isPending) return <LoadingState label="Loading your organizations…" />;
  if (me.isError) {
    return <ErrorState title="Your organizations could not be loaded" error={me.error} onRetry={() => void me.refetch()} />;
  }
  const first = me.data.orgs[0];
  if (first) return <Navigate to={paths.projects(first.id)} replace />;
  return (
    <>
      <title>Kiln</title>
      <EmptyState
        title="You are not in any organization"
        description="Create one to start projects, or accept an invitation link someone sent you."
        action={
          <Button
            onClick={() => {
              setCreating(true);
            }}
          >
            Create organization
          </Button>
        }
      />
      <CreateOrgDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
