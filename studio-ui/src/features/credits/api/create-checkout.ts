import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";

const checkoutSchema = z.object({ url: z.url() });

/**
 * `POST /api/v1/orgs/{org}/credits/checkout {pack}` (owner): a Stripe Checkout Session's URL;
 * 503 `payments-not-configured` without Stripe keys. The idempotency key makes a retried click
 * return the same session.
 */
export function createCheckout(orgId: string, pack: string, idempotencyKey: string) {
  return api.request(`/api/v1/orgs/${encodeURIComponent(orgId)}/credits/checkout`, {
    method: "POST",
    body: { pack },
    headers: { "Idempotency-Key": idempotencyKey },
    schema: checkoutSchema,
  });
}

/** Creates the session and leaves for Stripe's page; the studio is reloaded on return. */
export function useCheckout(orgId: string) {
  return useMutation({
    mutationFn: ({ pack, idempotencyKey }: { pack: string; idempotencyKey: string }) =>
      createCheckout(orgId, pack, idempotencyKey),
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
  });
}
