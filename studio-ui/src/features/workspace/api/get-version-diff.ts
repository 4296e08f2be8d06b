import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { projectApi, versionQueryKey } from "./project-api";

/** `ProjectRepos.Change`: `add`, `modify`, `delete` (also `rename`, `copy`) with a unified diff. */
const changeSchema = z.object({ path: z.string(), change: z.string(), diff: z.string() });

/** `GET .../versions/{v}/diff?from={v0}`: what changed from `from` to `version`, file by file. */
export function getVersionDiff(orgId: string, projectId: string, version: string, from: string, signal?: AbortSignal) {
  return api.request(
    `${projectApi(orgId, projectId)}/versions/${encodeURIComponent(version)}/diff?from=${encodeURIComponent(from)}`,
    { schema: z.array(changeSchema), signal },
  );
}

/** A version compared with itself fetches nothing. */
export function useVersionDiff(orgId: string, projectId: string, version: string, from: string) {
  return useQuery({
    queryKey: [...versionQueryKey(orgId, projectId, version), "diff", from],
    queryFn: ({ signal }) => getVersionDiff(orgId, projectId, version, from, signal),
    enabled: version !== from,
    staleTime: Infinity,
  });
}
