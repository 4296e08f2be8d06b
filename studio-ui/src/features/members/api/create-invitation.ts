import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { emailSchema } from "@/lib/validation";
import { instantSchema, roleSchema } from "@/types/api";
import { invitationsQueryKey } from "./get-invitations";

export const createInvitationInputSchema = z.object({ email: emailSchema, role: roleSchema });
export type CreateInvitationInput = z.infer<typeof createInvitationInputSchema>;

/** `Invitations.Created`: `token` is single-use and shown this once. */
const createdSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  token: z.string(),
  expiresAt: instantSchema,
});
export type CreatedInvitation = z.infer<typeof createdSchema>;

/** `POST /api/v1/orgs/{org}/invitations {email, role}` (owner). */
export function createInvitation(orgId: string, input: CreateInvitationInput) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/invitations`, {
    method: "POST",
    body: input,
    schema: createdSchema,
  });
}

export function useCreateInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => createInvitation(orgId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(orgId) }),
  });
}
