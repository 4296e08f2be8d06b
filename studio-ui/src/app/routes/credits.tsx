import { useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { BuyCredits } from "@/features/credits/components/buy-credits";
import { CheckoutNotice } from "@/features/credits/components/checkout-notice";
import { CreditBalance } from "@/features/credits/components/credit-balance";
import { LedgerTable } from "@/features/credits/components/ledger-table";
import { SpendingCapForm } from "@/features/credits/components/spending-cap-form";
import { Authorization } from "@/lib/authorization";
import { useCurrentOrg } from "@/lib/current-org";

/** Stripe Checkout returns here with `?checkout=success` or `?checkout=cancelled`. */
function useCheckoutOutcome() {
  const [params, setParams] = useSearchParams();
  const value = params.get("checkout");
  const outcome: "success" | "cancelled" | null =
    value === "success" || value === "cancelled" ? value : null;
  const dismiss = () => {
    setParams({}, { replace: true });
  };
  return { outcome, dismiss };
}

export function CreditsRoute() {
  const org = useCurrentOrg();
  const { outcome, dismiss } = useCheckoutOutcome();
  return (
    <>
      <PageHeader title="Credits" description="Generations, previews, builds and exports spend credits." />
      <div className="grid gap-6">
        {outcome && <CheckoutNotice orgId={org.id} outcome={outcome} onDismiss={dismiss} />}
        <CreditBalance orgId={org.id} />
        <Authorization
          requires="owner"
          fallback={<p className="text-sm text-muted-foreground">Owners buy credits and set the spending cap.</p>}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <BuyCredits orgId={org.id} />
            <SpendingCapForm orgId={org.id} />
          </div>
        </Authorization>
        <LedgerTable orgId={org.id} />
      </div>
    </>
  );
}
