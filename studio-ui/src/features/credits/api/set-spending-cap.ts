import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { balanceSchema, creditsQueryKey } from "./get-credits";

/** `PUT /api/v1/orgs/{org}/credits/cap {monthlyCap}` (owner); null removes the cap. */
export function setSpendingCap(orgId: string, monthlyCap: number | null) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/credits/cap`, {
    method: "PUT",
    body: { monthlyCap },
    schema: balanceSchema,
  });
}

export function useSetSpendingCap(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (monthlyCap: number | null) => setSpendingCap(orgId, monthlyCap),
    onSuccess: (balance) => {
      queryClient.setQueryData(creditsQueryKey(orgId), balance);
    },
  });
}
