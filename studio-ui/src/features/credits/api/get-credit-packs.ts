import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";

/** `CreditsController.Offers`: `paymentsConfigured` is false when Stripe has no keys. */
const offersSchema = z.object({
  paymentsConfigured: z.boolean(),
  packs: z.array(z.object({ id: z.string(), label: z.string(), credits: z.number() })),
});

/** `GET /api/v1/orgs/{org}/credits/packs` (viewer+). */
export function getCreditPacks(orgId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/credits/packs`, {
    schema: offersSchema,
    signal,
  });
}

export function useCreditPacks(orgId: string) {
  return useQuery({
    queryKey: ["orgs", orgId, "credit-packs"],
    queryFn: ({ signal }) => getCreditPacks(orgId, signal),
    staleTime: 5 * 60_000,
  });
}
