import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { invitationsQueryKey } from "./get-invitations";

/** `DELETE /api/v1/orgs/{org}/invitations/{id}` (owner). */
export function revokeInvitation(orgId: string, invitationId: string) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(invitationId)}`,
    { method: "DELETE", schema: z.void() },
  );
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(orgId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(orgId) }),
  });
}
