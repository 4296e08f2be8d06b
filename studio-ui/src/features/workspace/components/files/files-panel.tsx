import { FileCode } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { CodeView } from "./code-view";
import { FileTree } from "./file-tree";
import { useVersionFiles } from "../../api/get-version-files";

interface FilesPanelProps {
  orgId: string;
  projectId: string;
  version: string;
  versionName: string;
}

/** The selected version's file tree beside the file opened from it. */
export function FilesPanel({ orgId, projectId, version, versionName }: FilesPanelProps) {
  const files = useVersionFiles(orgId, projectId, version);
  const [opened, setOpened] = useState<string | null>(null);

  if (files.isPending) return <LoadingState label={`Loading the files of ${versionName}…`} />;
  if (files.isError) {
    return (
      <div className="p-3">
        <ErrorState title="The files could not be loaded" error={files.error} onRetry={() => void files.refetch()} />
      </div>
    );
  }
  if (files.data.length === 0) return <EmptyState className="m-3" title={`${versionName} has no files`} />;

  const paths = files.data.map((file) => file.path);
  // A file opened in another version that this one lacks is not shown.
  const path = opened !== null && paths.includes(opened) ? opened : null;
  return (
    <div className="grid h-full min-h-0 grid-cols-[minmax(9rem,2fr)_5fr]">
      <div className="min-h-0 border-r">
        <FileTree paths={paths} selected={path} onSelect={setOpened} label={`Files of ${versionName}`} />
      </div>
      <div className="min-h-0 min-w-0">
        {path ? (
          <CodeView orgId={orgId} projectId={projectId} version={version} path={path} />
        ) : (
          <EmptyState
            className="m-3"
            title="Open a file"
            description={`Pick a file of ${versionName} in the tree to read it.`}
            action={<FileCode aria-hidden className="size-6 text-muted-foreground" />}
          />
        )}
      </div>
    </div>
  );
}
