import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useProjectEvents, type LiveEvent } from "@/lib/live-events";
import { generationsQueryKey } from "../api/get-generations";
import { previewQueryKey, previewSchema, type Preview } from "../api/get-preview";
import { projectQueryKey } from "../api/get-project";
import { verificationQueryKey } from "../api/get-verification";
import { versionsQueryKey } from "../api/project-api";
import { parsePipelineEvent, type PipelineEvent } from "../pipeline/pipeline-events";

/** Event types after which the generations list (status, stage, version, charge) is stale. */
const GENERATION_CHANGES = new Set<PipelineEvent["type"]>([
  "generation_started",
  "stage_started",
  "stage_complete",
  "credits_charged",
  "generation_completed",
  "generation_failed",
]);

/** Event types after which the versions, the head or a verification are stale. */
const VERSION_CHANGES = new Set<PipelineEvent["type"]>([
  "autofix_attempt",
  "build_ok",
  "build_error",
  "test_result",
  "generation_completed",
  "generation_failed",
]);

/** What a preview event says the preview's state is now (checked below before it is used). */
function previewFrom(event: PipelineEvent, before: Preview | null | undefined): unknown {
  switch (event.type) {
    case "preview_starting":
      return { status: "starting", version: event.data.version };
    case "preview_ready":
      return { status: "ready", version: event.data.version, url: event.data.url, expiresAt: event.data.expiresAt };
    case "preview_updated":
      return before ? { ...before, version: event.data.version } : undefined;
    case "preview_error":
      return { ...before, status: "error", version: event.data.version, error: event.data.error };
    case "preview_stopped":
      return { status: "stopped", version: before?.version ?? null };
    default:
      return undefined;
  }
}

/** The preview's state right after a preview event, before the refetch confirms it. */
function previewAfter(event: PipelineEvent, before: Preview | null | undefined): Preview | null | undefined {
  const parsed = previewSchema.safeParse(previewFrom(event, before));
  return parsed.success ? parsed.data : before;
}

function refresh(queryClient: QueryClient, orgId: string, projectId: string, event: LiveEvent) {
  const parsed = parsePipelineEvent(event);
  if (!parsed) return;
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey, exact: true });
  if (GENERATION_CHANGES.has(parsed.type)) invalidate(generationsQueryKey(orgId, projectId));
  if (VERSION_CHANGES.has(parsed.type) || (parsed.type === "stage_complete" && parsed.stage === "version")) {
    invalidate(versionsQueryKey(orgId, projectId));
    invalidate(projectQueryKey(orgId, projectId));
  }
  if (parsed.type === "test_result" || parsed.type === "build_ok" || parsed.type === "build_error") {
    invalidate(verificationQueryKey(orgId, projectId, parsed.data.version));
  }
  if (parsed.type.startsWith("preview_")) {
    queryClient.setQueryData<Preview | null>(previewQueryKey(orgId, projectId), (before) => previewAfter(parsed, before));
    invalidate(previewQueryKey(orgId, projectId));
  }
}

/**
 * Keeps the workspace's queries fresh from the project's live events, and refetches them whenever
 * the subscription starts again (events may have been missed while it was down).
 */
export function useWorkspaceEvents(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  useProjectEvents(
    { orgId, projectId },
    {
      onEvent: (event) => {
        refresh(queryClient, orgId, projectId, event);
      },
      onSubscribed: () => {
        for (const queryKey of [
          generationsQueryKey(orgId, projectId),
          versionsQueryKey(orgId, projectId),
          projectQueryKey(orgId, projectId),
          previewQueryKey(orgId, projectId),
        ]) {
          void queryClient.invalidateQueries({ queryKey, exact: true });
        }
      },
    },
  );
}
