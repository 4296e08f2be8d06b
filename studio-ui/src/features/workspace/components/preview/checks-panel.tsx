import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { VerificationPanel } from "./verification-panel";
import { useVerification } from "../../api/get-verification";

interface ChecksPanelProps {
  orgId: string;
  projectId: string;
  version: string | null;
  versionName: string;
}

/** The verified build of the selected version, once it ran. */
export function ChecksPanel({ orgId, projectId, version, versionName }: ChecksPanelProps) {
  const verification = useVerification(orgId, projectId, version);
  if (version === null) {
    return <EmptyState className="m-3" title="No version yet" description="The checks of a version appear once it is built." />;
  }
  if (verification.isPending) return <LoadingState label={`Loading the checks of ${versionName}…`} />;
  if (verification.isError) {
    return (
      <div className="p-3">
        <ErrorState title="The checks could not be loaded" error={verification.error} onRetry={() => void verification.refetch()} />
      </div>
    );
  }
  if (verification.data === null) {
    return (
      <EmptyState
        className="m-3"
        title={`${versionName} has not been checked`}
        description="Its verified build (typecheck, build, smoke test with screenshots) has not run yet, or was skipped because no file changed."
      />
    );
  }
  return (
    <div
      role="region"
      aria-label={`Checks of ${versionName}`}
      tabIndex={0}
      className="h-full overflow-y-auto p-3 outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
    >
      <VerificationPanel verification={verification.data} versionName={versionName} />
    </div>
  );
}
