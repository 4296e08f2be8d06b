import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { useVersionDiff } from "../../api/get-version-diff";
import { FileDiff } from "../diff/file-diff";

interface VersionDiffProps {
  orgId: string;
  projectId: string;
  from: string;
  to: string;
  /** "version 3 to version 5", for the status line. */
  label: string;
}

/** Lines in a diff past which its files start closed. */
const OPEN_LINES = 400;

/** The changes between two versions, file by file. */
export function VersionDiff({ orgId, projectId, from, to, label }: VersionDiffProps) {
  const diff = useVersionDiff(orgId, projectId, to, from);
  if (from === to) return <EmptyState title="The same version" description="Pick two different versions to compare." />;
  if (diff.isPending) return <LoadingState label={`Comparing ${label}…`} />;
  if (diff.isError) {
    return <ErrorState title="The changes could not be loaded" error={diff.error} onRetry={() => void diff.refetch()} />;
  }
  if (diff.data.length === 0) return <EmptyState title="No file changed" description={`From ${label}, every file is the same.`} />;
  const lines = diff.data.reduce((sum, change) => sum + change.diff.split("\n").length, 0);
  return (
    <div className="grid grid-cols-1 gap-2">
      <p role="status" className="text-sm text-muted-foreground">
        {diff.data.length} {diff.data.length === 1 ? "file" : "files"} changed from {label}.
      </p>
      {diff.data.map((change) => (
        <FileDiff key={change.path} path={change.path} change={change.change} diff={change.diff} defaultOpen={lines <= OPEN_LINES} />
      ))}
    </div>
  );
}
