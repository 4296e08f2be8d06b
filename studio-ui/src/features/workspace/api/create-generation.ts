import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { generationsQueryKey } from "./get-generations";
import { projectApi } from "./project-api";

/** The server's rule (`GenerationController.Prompt`), checked before sending. */
export const changePromptSchema = z.object({
  prompt: z
    .string()
    .trim()
    .min(3, "Describe the change in at least 3 characters.")
    .max(4000, "Keep the description under 4,000 characters."),
});
export type ChangePrompt = z.infer<typeof changePromptSchema>;

/** `GenerationStarter.Started`: 202 with the generation's id and the credits it holds. */
const startedSchema = z.object({ id: z.string(), status: z.string(), estimate: z.number() });

/**
 * `POST .../projects/{project}/generations {prompt}` (editor+): a follow-up edit, its credits held
 * at once (402 when they do not suffice, 409 `generation-in-progress` while one runs).
 */
export function createGeneration(orgId: string, projectId: string, input: ChangePrompt) {
  return api.request(`${projectApi(orgId, projectId)}/generations`, {
    method: "POST",
    body: input,
    schema: startedSchema,
  });
}

export function useCreateGeneration(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePrompt) => createGeneration(orgId, projectId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: generationsQueryKey(orgId, projectId) }),
  });
}
