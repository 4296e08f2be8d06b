import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { projectApi, versionQueryKey } from "./project-api";

/** `ProjectRepos.FileEntry`. */
const fileEntrySchema = z.object({ path: z.string(), size: z.number().int(), sha: z.string() });

/** `GET .../versions/{v}/files`: every file of the version, by path. */
export function getVersionFiles(orgId: string, projectId: string, version: string, signal?: AbortSignal) {
  return api.request(`${projectApi(orgId, projectId)}/versions/${encodeURIComponent(version)}/files`, {
    schema: z.array(fileEntrySchema),
    signal,
  });
}

export function useVersionFiles(orgId: string, projectId: string, version: string) {
  return useQuery({
    queryKey: [...versionQueryKey(orgId, projectId, version), "files"],
    queryFn: ({ signal }) => getVersionFiles(orgId, projectId, version, signal),
    // A version never changes.
    staleTime: Infinity,
  });
}
