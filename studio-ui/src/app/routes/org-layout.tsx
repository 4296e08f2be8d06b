import { Link, Outlet, useParams } from "react-router";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { useMe } from "@/lib/auth/me";
import { CurrentOrgContext } from "@/lib/current-org";

/**
 * `/orgs/:org/*`: checks the user belongs to the org (from /api/v1/me) and provides it, with the
 * user's role, to the pages below. Like the API, an org one is not a member of is "not found".
 */
export function OrgLayout() {
  const { org: orgId } = useParams();
  const me = useMe();

  if (me.isPending) return <LoadingState label="Loading your organizations…" />;
  if (me.isError) {
    return <ErrorState title="Your organizations could not be loaded" error={me.error} onRetry={() => void me.refetch()} />;
  }
  const membership = me.data.orgs.find((org) => org.id === orgId);
  if (!membership) {
    // Just joined or left: wait for the fresh list before saying so.
    if (me.isFetching) return <LoadingState label="Loading your organizations…" />;
    return (
      <EmptyState
        title="Organization not found"
        description="It does not exist, or you are not a member of it."
        action={
          <Button asChild variant="outline">
            <Link to={paths.home()}>Go to your organizations</Link>
          </Button>
        }
      />
    );
  }
  return (
    <CurrentOrgContext value={membership}>
      <Outlet />
    </CurrentOrgContext>
  );
}
