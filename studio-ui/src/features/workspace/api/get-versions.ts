import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { instantSchema } from "@/types/api";
import { projectApi, versionsQueryKey } from "./project-api";

/** `VersionController.VersionView`: a commit of the project's repository. */
const versionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  message: z.string(),
  at: instantSchema,
  generationId: z.string().nullable(),
  parent: z.string().nullable(),
  /** Whether its verified build passed; null when it was not built. */
  verification: z.enum(["verified", "failed"]).nullable(),
});
export type Version = z.infer<typeof versionSchema>;

/** `GET .../projects/{project}/versions`: newest first. */
export function getVersions(orgId: string, projectId: string, signal?: AbortSignal) {
  return api.request(`${projectApi(orgId, projectId)}/versions`, { schema: z.array(versionSchema), signal });
}

/** Only while `enabled` (a project card scrolled into view, say). */
export function useVersions(orgId: string, projectId: string, enabled = true) {
  return useQuery({
    queryKey: versionsQueryKey(orgId, projectId),
    queryFn: ({ signal }) => getVersions(orgId, projectId, signal),
    enabled,
  });
}
