import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { env } from "@/config/env";
import {
  createLiveEventsClient,
  type ConnectionStatus,
  type GenerationStream,
  type ProjectStream,
  type StreamHandlers,
} from "./live-events/client";
import { generationEventsQueryKey, getGenerationEvents } from "./live-events/generation-events";
import type { LiveEvent } from "./live-events/live-event";
import { issueTicket } from "./live-events/ticket";

export type { ConnectionStatus } from "./live-events/client";
export type { LiveEvent } from "./live-events/live-event";

function socketUrl(): string {
  const url = new URL("/api/v1/ws", env.apiBaseUrl || window.location.origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** The tab's one live events connection. */
export const liveEvents = createLiveEventsClient({
  url: socketUrl(),
  ticket: issueTicket,
  catchUp: (stream, afterSeq) => getGenerationEvents(stream, afterSeq),
});

/** The connection's state, for an indicator. */
export function useLiveConnection(): ConnectionStatus {
  return useSyncExternalStore(liveEvents.subscribe, liveEvents.status);
}

/** Live events arriving in a burst (a replay) update the page at most this often. */
const FLUSH_MS = 100;

function append(events: LiveEvent[], more: LiveEvent[]): LiveEvent[] {
  const last = events.at(-1)?.seq ?? 0;
  const fresh = more.filter((event) => event.seq > last);
  return fresh.length === 0 ? events : [...events, ...fresh];
}

/**
 * A generation's events: what is stored (over HTTP, so the history shows even without the
 * WebSocket), then live ones as they come, from the last seq cached. `null` follows nothing.
 */
export function useGenerationEvents(stream: GenerationStream | null) {
  const queryClient = useQueryClient();
  const orgId = stream?.orgId ?? "";
  const projectId = stream?.projectId ?? "";
  const generationId = stream?.generationId ?? "";
  const history = useQuery({
    queryKey: generationEventsQueryKey({ orgId, projectId, generationId }),
    // Incremental: a refetch adds what came after the cached events, never replaces them.
    queryFn: async ({ queryKey, signal }) => {
      const cached = queryClient.getQueryData<LiveEvent[]>(queryKey) ?? [];
      const after = cached.at(-1)?.seq ?? 0;
      return append(cached, await getGenerationEvents({ orgId, projectId, generationId }, after, signal));
    },
    enabled: stream !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const loaded = history.isSuccess;

  useEffect(() => {
    if (!loaded || !generationId) return;
    const key = generationEventsQueryKey({ orgId, projectId, generationId });
    const pending: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const batch = pending.splice(0);
      queryClient.setQueryData<LiveEvent[]>(key, (events = []) => append(events, batch));
    };
    const afterSeq = queryClient.getQueryData<LiveEvent[]>(key)?.at(-1)?.seq ?? 0;
    const stop = liveEvents.followGeneration(
      { orgId, projectId, generationId, afterSeq },
      {
        onEvent(event) {
          pending.push(event);
          timer ??= setTimeout(flush, FLUSH_MS);
        },
      },
    );
    return () => {
      stop();
      clearTimeout(timer);
      if (pending.length > 0) flush();
    };
  }, [queryClient, loaded, orgId, projectId, generationId]);

  return history;
}

/** Follows a project's generations while mounted, calling the latest `handlers`. */
export function useProjectEvents({ orgId, projectId }: ProjectStream, handlers: StreamHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      liveEvents.followProject(
        { orgId, projectId },
        {
          onEvent: (event) => {
            latest.current.onEvent(event);
          },
          onSubscribed: () => latest.current.onSubscribed?.(),
          onError: (message) => latest.current.onError?.(message),
        },
      ),
    [orgId, projectId],
  );
}
