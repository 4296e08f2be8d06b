import { ShoppingCart } from "lucide-react";
import { useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCredits } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import { useCheckout } from "../api/create-checkout";
import { useCreditPacks } from "../api/get-credit-packs";

const NOT_CONFIGURED =
  "Payments are not configured on this Kiln, so credits cannot be bought here. A platform admin can grant credits.";

/** Owners buy a credit pack through Stripe Checkout (the price is on Stripe's page). */
export function BuyCredits({ orgId }: { orgId: string }) {
  const offers = useCreditPacks(orgId);
  const checkout = useCheckout(orgId);
  // One key per visit: a double click or a retry returns the same Checkout Session.
  const [idempotencyKey] = useState(randomId);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Buy credits</CardTitle>
        <CardDescription>You pay on Stripe's page and come back here.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {offers.isPending ? (
          <LoadingState label="Loading credit packs…" />
        ) : offers.isError ? (
          <ErrorState title="Credit packs could not be loaded" error={offers.error} onRetry={() => void offers.refetch()} />
        ) : (
          <>
            {!offers.data.paymentsConfigured && (
              <p id="payments-off" className="text-sm text-muted-foreground">
                {NOT_CONFIGURED}
              </p>
            )}
            <FormAlert error={checkout.error} />
            <ul className="grid gap-2 sm:grid-cols-2">
              {offers.data.packs.map((pack) => (
                <li key={pack.id} className="flex items-center justify-between gap-3 rounded-lg border p-3">
                  <div>
                    <p className="font-medium">{pack.label}</p>
                    <p className="text-sm text-muted-foreground">Adds {formatCredits(pack.credits)}</p>
                  </div>
                  <Button
                    aria-label={`Buy ${pack.label}`}
                    aria-describedby={offers.data.paymentsConfigured ? undefined : "payments-off"}
                    disabled={!offers.data.paymentsConfigured || checkout.isPending}
                    onClick={() => {
                      checkout.mutate({ pack: pack.id, idempotencyKey: `${idempotencyKey}:${pack.id}` });
                    }}
                  >
                    <ShoppingCart aria-hidden />
                    {checkout.isPending && checkout.variables.pack === pack.id ? "Opening Stripe…" : "Buy"}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}
