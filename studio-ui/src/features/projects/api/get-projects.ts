import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { projectSchema } from "@/types/api";

export const projectsQueryKey = (orgId: string) => ["orgs", orgId, "projects"] as const;

/** `GET /api/v1/orgs/{org}/projects`: newest first. */
export function getProjects(orgId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/projects`, {
    schema: z.array(projectSchema),
    signal,
  });
}

export function useProjects(orgId: string) {
  return useQuery({
    queryKey: projectsQueryKey(orgId),
    queryFn: ({ signal }) => getProjects(orgId, signal),
  });
}
