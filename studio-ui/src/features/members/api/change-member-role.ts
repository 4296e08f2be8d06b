import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth/me";
import type { Role } from "@/types/api";
import { memberSchema, membersQueryKey } from "./get-members";

/** `PATCH /api/v1/orgs/{org}/members/{user} {role}` (owner); the last owner stays one (409). */
export function changeMemberRole(orgId: string, userId: string, role: Role) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(userId)}`,
    { method: "PATCH", body: { role }, schema: memberSchema },
  );
}

export function useChangeMemberRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      changeMemberRole(orgId, userId, role),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersQueryKey(orgId) }),
        // An owner may have changed their own role.
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
