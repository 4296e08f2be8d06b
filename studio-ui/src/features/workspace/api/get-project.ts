import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { projectSchema } from "@/types/api";

export const projectQueryKey = (orgId: string, projectId: string) =>
  ["orgs", orgId, "projects", projectId] as const;

/** `GET /api/v1/orgs/{org}/projects/{project}`: the project with its `head` version. */
export function getProject(orgId: string, projectId: string, signal?: AbortSignal) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}`,
    { schema: projectSchema, signal },
  );
}

export function useProject(orgId: string, projectId: string) {
  return useQuery({
    queryKey: projectQueryKey(orgId, projectId),
    queryFn: ({ signal }) => getProject(orgId, projectId, signal),
  });
}
