import { z } from "zod";
import { api } from "@/lib/api-client";
import type { GenerationStream } from "./client";
import { liveEventSchema, type LiveEvent } from "./live-event";

/** The most events the API returns per request. */
const PAGE = 1000;

/** Its own root, so invalidating a project's queries never refetches (and replaces) a stream. */
export const generationEventsQueryKey = ({ orgId, projectId, generationId }: GenerationStream) =>
  ["generation-events", orgId, projectId, generationId] as const;

/**
 * `GET /api/v1/orgs/{org}/projects/{project}/generations/{gen}/events?after=&limit=`, page after
 * page: every stored event of the generation after `afterSeq`, in seq order.
 */
export async function getGenerationEvents(
  { orgId, projectId, generationId }: GenerationStream,
  afterSeq: number,
  signal?: AbortSignal,
): Promise<LiveEvent[]> {
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}/generations/${encodeURIComponent(generationId)}/events`;
  const events: LiveEvent[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await api.request(`${base}?after=${after}&limit=${PAGE}`, { schema: z.array(liveEventSchema), signal });
    events.push(...page);
    const last = page.at(-1);
    if (!last || page.length < PAGE) return events;
    after = last.seq;
  }
}
