import { lazy, Suspense } from "react";
import { CopyButton } from "@/components/copy-button";
import { ErrorBoundary } from "@/components/error-boundary";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { useFileContent } from "../../api/get-file-content";

/** CodeMirror is only downloaded when a file is first opened. */
const CodeEditor = lazy(() => import("./code-editor"));

interface CodeViewProps {
  orgId: string;
  projectId: string;
  version: string;
  path: string;
}

/** One file of a version, highlighted, read-only. */
export function CodeView({ orgId, projectId, version, path }: CodeViewProps) {
  const file = useFileContent(orgId, projectId, version, path);
  return (
    <section aria-label={`File ${path}`} className="flex h-full min-h-0 flex-col">
      <div className="flex h-10 shrink-0 items-center gap-2 border-b px-3">
        <h3 className="min-w-0 flex-1 truncate font-mono text-xs">{path}</h3>
        {file.isSuccess && <CopyButton text={file.data.content} label="Copy" />}
      </div>
      <div className="min-h-0 flex-1">
        {file.isPending ? (
          <LoadingState label={`Loading ${path}…`} />
        ) : file.isError ? (
          <div className="p-3">
            <ErrorState title="This file could not be loaded" error={file.error} onRetry={() => void file.refetch()} />
          </div>
        ) : (
          <ErrorBoundary
            fallback={(error, reset) => (
              <div className="p-3">
                <ErrorState title="The code viewer could not load" error={error} onRetry={reset} />
              </div>
            )}
          >
            <Suspense fallback={<LoadingState label="Loading the code viewer…" />}>
              <CodeEditor path={path} content={file.data.content} />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}
