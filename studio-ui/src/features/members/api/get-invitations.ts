import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { instantSchema, roleSchema } from "@/types/api";

/** `Invitations.Pending`. */
const pendingSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: instantSchema,
  createdAt: instantSchema,
});

export const invitationsQueryKey = (orgId: string) => ["orgs", orgId, "invitations"] as const;

/** `GET /api/v1/orgs/{org}/invitations` (owner): pending invitations. */
export function getInvitations(orgId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/invitations`, {
    schema: z.array(pendingSchema),
    signal,
  });
}

export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: invitationsQueryKey(orgId),
    queryFn: ({ signal }) => getInvitations(orgId, signal),
  });
}
