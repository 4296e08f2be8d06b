import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { previewQueryKey, previewSchema } from "./get-preview";
import { projectApi } from "./project-api";

/**
 * `POST .../projects/{project}/preview` (viewer+): starts the preview from the project's head
 * unless it runs (409 `project-has-no-version`, `preview-limit-reached`).
 */
export function openPreview(orgId: string, projectId: string) {
  return api.request(`${projectApi(orgId, projectId)}/preview`, { method: "POST", schema: previewSchema });
}

export function useOpenPreview(orgId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => openPreview(orgId, projectId),
    onSuccess: (preview) => {
      queryClient.setQueryData(previewQueryKey(orgId, projectId), preview);
    },
  });
}
