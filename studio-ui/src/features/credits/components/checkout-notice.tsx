import { useQueryClient } from "@tanstack/react-query";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { creditsQueryKey } from "../api/get-credits";

interface CheckoutNoticeProps {
  orgId: string;
  /** How Stripe Checkout ended (the `checkout` parameter of its return URL). */
  outcome: "success" | "cancelled";
  onDismiss: () => void;
}

/** Says how the return from Stripe Checkout went; the credits arrive with Stripe's webhook. */
export function CheckoutNotice({ orgId, outcome, onDismiss }: CheckoutNoticeProps) {
  const queryClient = useQueryClient();
  const success = outcome === "success";
  return (
    <Alert variant={success ? "success" : "default"}>
      <AlertTitle>{success ? "Payment received" : "Checkout cancelled"}</AlertTitle>
      <AlertDescription className="grid gap-2">
        <p>
          {success
            ? "Thank you. The credits are added as soon as Stripe confirms the payment, usually within a minute."
            : "Nothing was charged. You can buy credits whenever you like."}
        </p>
        <div className="flex gap-2">
          {success && (
            <Button
              size="sm"
              variant="outline"
              className="text-foreground"
              onClick={() => void queryClient.invalidateQueries({ queryKey: creditsQueryKey(orgId) })}
            >
              Refresh balance
            </Button>
          )}
          <Button size="sm" variant="ghost" className="text-foreground" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
