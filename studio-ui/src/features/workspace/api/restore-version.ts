import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { projectQueryKey } from "./get-project";
import { projectApi, versionsQueryKey } from "./project-api";

/** `ProjectRepos.Version`: the new version. */
const restoredSchema = z.object({ id: z.string(), number: z.number().int() });

/**
 * `POST .../versions/{v}/restore` (editor+): a new version with the files of `v` (409
 * `project-busy` when the project changed meanwhile).
 */
export function restoreVersion(orgId: string, projectId: string, version: string) {
  return api.request(`${projectApi(orgId, projectId)}/versions/${encodeURIComponent(version)}/restore`, {
    method: "POST",
    schema: restoredSchema,
  });
}

export function useRestoreVersion(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => restoreVersion(orgId, projectId, version),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionsQueryKey(orgId, projectId), exact: true }),
        queryClient.invalidateQueries({ queryKey: projectQueryKey(orgId, projectId), exact: true }),
      ]),
  });
}
