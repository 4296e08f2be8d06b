import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth/me";
import { roleSchema } from "@/types/api";

/** `Invitations.Accepted`. */
const acceptedSchema = z.object({ orgId: z.string(), orgName: z.string(), role: roleSchema });

/**
 * `POST /api/v1/invitations/{token}/accept`, signed in with the invited email: 410 when used or
 * expired, 404 when unknown or revoked, 403 for another email.
 */
export function acceptInvitation(token: string) {
  return api.request(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
    method: "POST",
    schema: acceptedSchema,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
