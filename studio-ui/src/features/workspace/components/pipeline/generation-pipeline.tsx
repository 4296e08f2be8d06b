import { useMemo } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { useGenerationEvents } from "@/lib/live-events";
import { PipelineView } from "./pipeline-view";
import { pipelineState } from "../../pipeline/pipeline-state";

interface GenerationPipelineProps {
  orgId: string;
  projectId: string;
  generationId: string | undefined;
  versionNumber: (version: string | null) => number | undefined;
}

/** The live pipeline of one generation: its stored events, then live ones. */
export function GenerationPipeline({ orgId, projectId, generationId, versionNumber }: GenerationPipelineProps) {
  const events = useGenerationEvents(generationId ? { orgId, projectId, generationId } : null);
  const state = useMemo(() => pipelineState(events.data ?? []), [events.data]);

  if (!generationId) {
    return (
      <EmptyState
        className="m-3"
        title="No generation to show"
        description="When a generation runs, its stages, the model's output, the files, plugins and build appear here live."
      />
    );
  }
  if (events.isPending) return <LoadingState label="Loading the pipeline…" />;
  if (events.isError) {
    return (
      <div className="p-3">
        <ErrorState title="The pipeline could not be loaded" error={events.error} onRetry={() => void events.refetch()} />
      </div>
    );
  }
  return <PipelineView state={state} versionNumber={versionNumber} />;
}
