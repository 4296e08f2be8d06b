import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { instantSchema } from "@/types/api";
import { projectQueryKey } from "./get-project";
import { projectApi } from "./project-api";

const generationStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);
export type GenerationStatus = z.infer<typeof generationStatusSchema>;

/** `Generations.Generation`, the fields the workspace shows. */
const generationSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  status: generationStatusSchema,
  stage: z.string().nullable(),
  /** Credits held while it runs. */
  estimate: z.number(),
  /** The version it produced (a commit id), also when its build failed. */
  version: z.string().nullable(),
  error: z.string().nullable(),
  /** Credits charged once it ended (0 when it failed); null before. */
  charged: z.number().nullable(),
  generator: z.string(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
});
export type Generation = z.infer<typeof generationSchema>;

export const generationsQueryKey = (orgId: string, projectId: string) =>
  [...projectQueryKey(orgId, projectId), "generations"] as const;

export function isActive(generation: Generation): boolean {
  return generation.status === "queued" || generation.status === "running";
}

/** `GET .../projects/{project}/generations`: newest first. */
export function getGenerations(orgId: string, projectId: string, signal?: AbortSignal) {
  return api.request(`${projectApi(orgId, projectId)}/generations`, { schema: z.array(generationSchema), signal });
}

export function useGenerations(orgId: string, projectId: string) {
  return useQuery({
    queryKey: generationsQueryKey(orgId, projectId),
    queryFn: ({ signal }) => getGenerations(orgId, projectId, signal),
  });
}
