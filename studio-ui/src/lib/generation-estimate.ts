import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";

const estimateSchema = z.object({
  operation: z.literal("generation"),
  units: z.number(),
  credits: z.number().int().nonnegative(),
});

/** `GET /api/v1/orgs/{org}/credits/estimate?operation=generation`: the price of a generation. */
export function getGenerationEstimate(orgId: string, signal?: AbortSignal) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/credits/estimate?operation=generation`,
    { schema: estimateSchema, signal },
  );
}

/** Fetched only while `enabled` (a dialog or a prompt box is open); a price changes rarely. */
export function useGenerationEstimate(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["orgs", orgId, "credits", "estimate", "generation"],
    queryFn: ({ signal }) => getGenerationEstimate(orgId, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
