import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";

/** `CreditRecords.Balance`: `available` = balance minus active holds; `monthlyCap` null = none. */
export const balanceSchema = z.object({
  balance: z.number(),
  available: z.number(),
  held: z.number(),
  freeQuotaLeft: z.number(),
  monthlyCap: z.number().nullable(),
  spentThisMonth: z.number(),
  frozenReason: z.string().nullable(),
});
export type Balance = z.infer<typeof balanceSchema>;

export const creditsQueryKey = (orgId: string) => ["orgs", orgId, "credits"] as const;

/** `GET /api/v1/orgs/{org}/credits` (viewer+). */
export function getCredits(orgId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/credits`, {
    schema: balanceSchema,
    signal,
  });
}

export function useCredits(orgId: string) {
  return useQuery({
    queryKey: creditsQueryKey(orgId),
    queryFn: ({ signal }) => getCredits(orgId, signal),
  });
}
