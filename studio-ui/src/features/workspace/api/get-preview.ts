import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { ApiError } from "@/lib/api/problem";
import { api } from "@/lib/api-client";
import { projectQueryKey } from "./get-project";
import { projectApi } from "./project-api";

/**
 * `Preview.view`: the preview's state, with a signed link (on an origin of its own) while it runs.
 * A `ready` preview whose latest version fails its first page is `error`, its dev server running.
 */
export const previewSchema = z.object({
  status: z.enum(["starting", "ready", "error", "stopped"]),
  /** The version it serves; `draft` while a generation's files are not committed yet. */
  version: z.string().nullable(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  expiresAt: z.string().optional(),
  error: z.string().optional(),
});
export type Preview = z.infer<typeof previewSchema>;

export const previewQueryKey = (orgId: string, projectId: string) =>
  [...projectQueryKey(orgId, projectId), "preview"] as const;

/** `GET .../projects/{project}/preview`; null when none runs (404 `preview-not-running`). */
export async function getPreview(orgId: string, projectId: string, signal?: AbortSignal): Promise<Preview | null> {
  try {
    return await api.request(`${projectApi(orgId, projectId)}/preview`, { schema: previewSchema, signal });
  } catch (error) {
    if (error instanceof ApiError && error.slug === "preview-not-running") return null;
    throw error;
  }
}

/** Polled while starting, in case the live events connection is down. */
export function usePreview(orgId: string, projectId: string) {
  return useQuery({
    queryKey: previewQueryKey(orgId, projectId),
    queryFn: ({ signal }) => getPreview(orgId, projectId, signal),
    refetchInterval: (query) => (query.state.data?.status === "starting" ? 3000 : false),
  });
}
