import { Play } from "lucide-react";
import { useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/problem";
import { PreviewFrame } from "./preview-frame";
import { usePreview } from "../../api/get-preview";
import { useOpenPreview } from "../../api/open-preview";
import { ScrollText } from "../scroll-text";

interface PreviewPaneProps {
  orgId: string;
  projectId: string;
  projectName: string;
  hasVersion: boolean;
}

/**
 * The link the frame shows: every read of the preview answers a fresh link, which must not reload
 * the frame, so the first one is kept until the user reloads or the preview stops.
 */
function useFrame(latest: string | undefined) {
  const [frame, setFrame] = useState<{ url: string; load: number } | undefined>();
  if (latest === undefined && frame !== undefined) setFrame(undefined);
  if (latest !== undefined && frame === undefined) setFrame({ url: latest, load: 0 });
  const reload = () => {
    if (latest !== undefined) setFrame({ url: latest, load: (frame?.load ?? 0) + 1 });
  };
  return { frame, reload };
}

/** The live preview: started on request, its state, and the app in a sandboxed frame. */
export function PreviewPane({ orgId, projectId, projectName, hasVersion }: PreviewPaneProps) {
  const preview = usePreview(orgId, projectId);
  const open = useOpenPreview(orgId, projectId);
  const latest = preview.data?.url;
  const { frame, reload } = useFrame(latest);

  if (preview.isPending) return <LoadingState label="Checking the preview…" />;
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.slug === "previews-disabled") {
      return <EmptyState className="m-3" title="Previews are switched off" description={preview.error.message} />;
    }
    return (
      <div className="p-3">
        <ErrorState title="The preview's state could not be loaded" error={preview.error} onRetry={() => void preview.refetch()} />
      </div>
    );
  }

  const state = preview.data;
  const start = (label: string) => (
    <Button
      disabled={open.isPending}
      onClick={() => {
        open.mutate();
      }}
    >
      <Play aria-hidden />
      {open.isPending ? "Starting…" : label}
    </Button>
  );

  if (state === null || state.status === "stopped") {
    return (
      <div className="grid grid-cols-1 gap-3 p-3">
        <FormAlert error={open.error} />
        {hasVersion ? (
          <EmptyState
            title={state === null ? "The preview is not running" : "The preview stopped"}
            description="Start it to use the app as it is now; it runs on a link of its own that expires after a while."
            action={start("Start the preview")}
          />
        ) : (
          <EmptyState title="Nothing to preview yet" description="The preview starts once a generation has written the app's files." />
        )}
      </div>
    );
  }
  if (state.status === "starting") {
    return (
      <LoadingState
        className="h-full"
        label="Starting the preview: installing the dependencies and starting the dev server. The first start takes up to a minute."
      />
    );
  }
  return (
    <div className="flex h-full min-h-0 flex-col">
      {state.status === "error" && (
        <div className="shrink-0 border-b p-2">
          <Alert variant="destructive">
            <AlertTitle>The preview has an error</AlertTitle>
            <AlertDescription>
              <ScrollText
                label="The preview's error"
                text={state.error ?? "The dev server reported an error."}
                className="max-h-40 border-0 bg-transparent p-0"
              />
              {!frame && <div className="mt-2">{start("Start it again")}</div>}
            </AlertDescription>
          </Alert>
          <FormAlert error={open.error} />
        </div>
      )}
      {frame && latest && (
        <div className="min-h-0 flex-1">
          <PreviewFrame
            url={frame.url}
            load={frame.load}
            latestUrl={latest}
            title={`Live preview of ${projectName}`}
            onReload={reload}
          />
        </div>
      )}
    </div>
  );
}
