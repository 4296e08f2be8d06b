import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { generationsQueryKey } from "./get-generations";
import { projectApi } from "./project-api";

/**
 * `POST .../generations/{gen}/cancel` (editor+): stops a queued or running generation, releasing
 * its credits (409 `generation-finished` when it already ended).
 */
export function cancelGeneration(orgId: string, projectId: string, generationId: string) {
  return api.request(`${projectApi(orgId, projectId)}/generations/${encodeURIComponent(generationId)}/cancel`, {
    method: "POST",
    schema: z.looseObject({ id: z.string() }),
  });
}

export function useCancelGeneration(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (generationId: string) => cancelGeneration(orgId, projectId, generationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: generationsQueryKey(orgId, projectId) }),
  });
}
