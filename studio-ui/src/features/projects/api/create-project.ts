import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { nameSchema, promptSchema } from "@/lib/validation";
import { projectSchema } from "@/types/api";
import { projectsQueryKey } from "./get-projects";

export const createProjectInputSchema = z.object({ name: nameSchema, prompt: promptSchema });
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

/** `ProjectController.Created`: with a prompt, the first generation has started (its id). */
const createdSchema = z.object({ project: projectSchema, generationId: z.string().nullable() });

/**
 * `POST /api/v1/orgs/{org}/projects {name, prompt}` (editor+): creates the project and, in the
 * same call, starts its first generation, holding its credits (402 when they do not suffice).
 */
export function createProject(orgId: string, input: CreateProjectInput) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/projects`, {
    method: "POST",
    body: input,
    schema: createdSchema,
  });
}

export function useCreateProject(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProjectInput) => createProject(orgId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectsQueryKey(orgId) }),
  });
}
