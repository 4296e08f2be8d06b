import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { encodePath, projectApi, versionQueryKey } from "./project-api";

/** `VersionController.FileContent`. */
const fileContentSchema = z.object({ path: z.string(), content: z.string(), sha: z.string() });

/** `GET .../versions/{v}/files/{path}`: one file's text. */
export function getFileContent(orgId: string, projectId: string, version: string, path: string, signal?: AbortSignal) {
  return api.request(
    `${projectApi(orgId, projectId)}/versions/${encodeURIComponent(version)}/files/${encodePath(path)}`,
    { schema: fileContentSchema, signal },
  );
}

export function useFileContent(orgId: string, projectId: string, version: string, path: string) {
  return useQuery({
    queryKey: [...versionQueryKey(orgId, projectId, version), "files", path],
    queryFn: ({ signal }) => getFileContent(orgId, projectId, version, path, signal),
    staleTime: Infinity,
  });
}
