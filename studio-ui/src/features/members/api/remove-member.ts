import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth/me";
import { membersQueryKey } from "./get-members";

/**
 * `DELETE /api/v1/orgs/{org}/members/{user}`: owners remove anyone, any member removes themself
 * (leaves); the last owner cannot leave (409).
 */
export function removeMember(orgId: string, userId: string) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(userId)}`,
    { method: "DELETE", schema: z.void() },
  );
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(orgId, userId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersQueryKey(orgId) }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
