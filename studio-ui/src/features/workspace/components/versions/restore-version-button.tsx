import { ConfirmButton } from "@/components/confirm-button";
import type { Version } from "../../api/get-versions";
import { useRestoreVersion } from "../../api/restore-version";

interface RestoreVersionButtonProps {
  orgId: string;
  projectId: string;
  version: Version;
  /** The new version restoring made. */
  onRestored: (version: { id: string; number: number }) => void;
}

/** Makes a new version with the files of an older one, after asking. */
export function RestoreVersionButton({ orgId, projectId, version, onRestored }: RestoreVersionButtonProps) {
  const restore = useRestoreVersion(orgId, projectId);
  return (
    <>
      <ConfirmButton
        aria-label={`Restore version ${version.number}`}
        title={`Restore version ${version.number}?`}
        description="A new version is made with its files and becomes the current one. Every version stays in the history, so this can be undone by restoring again."
        confirmLabel="Restore"
        disabled={restore.isPending}
        onConfirm={() => {
          restore.mutate(version.id, { onSuccess: onRestored });
        }}
      >
        {restore.isPending ? "Restoring…" : "Restore"}
      </ConfirmButton>
      {restore.isError && (
        <p role="alert" className="basis-full text-sm text-destructive">
          {restore.error.message}
        </p>
      )}
    </>
  );
}
