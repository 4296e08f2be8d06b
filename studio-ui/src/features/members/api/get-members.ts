import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { instantSchema, roleSchema } from "@/types/api";

/** `Memberships.Member`. */
export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: instantSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const membersQueryKey = (orgId: string) => ["orgs", orgId, "members"] as const;

/** `GET /api/v1/orgs/{org}/members` (viewer+). */
export function getMembers(orgId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/members`, {
    schema: z.array(memberSchema),
    signal,
  });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: membersQueryKey(orgId),
    queryFn: ({ signal }) => getMembers(orgId, signal),
  });
}
