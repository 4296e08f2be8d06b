import { Snowflake } from "lucide-react";
import { ErrorState } from "@/components/states/error-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCredits } from "@/lib/format";
import { useCredits } from "../api/get-credits";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold">{value}</dd>
    </div>
  );
}

/** The org's credits now: available, balance, holds, free quota and this month's spending. */
export function CreditBalance({ orgId }: { orgId: string }) {
  const credits = useCredits(orgId);

  if (credits.isPending) {
    return (
      <div role="status">
        <span className="sr-only">Loading credits…</span>
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (credits.isError) {
    return <ErrorState title="Credits could not be loaded" error={credits.error} onRetry={() => void credits.refetch()} />;
  }

  const { available, balance, held, freeQuotaLeft, spentThisMonth, monthlyCap, frozenReason } = credits.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Balance</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {frozenReason && (
          <Alert variant="destructive">
            <Snowflake aria-hidden />
            <AlertTitle>Credits are frozen</AlertTitle>
            <AlertDescription>{frozenReason}. Nothing can be spent until support lifts it.</AlertDescription>
          </Alert>
        )}
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <Figure label="Available" value={formatCredits(available)} />
          <Figure label="Balance" value={formatCredits(balance)} />
          <Figure label="Held by running work" value={formatCredits(held)} />
          <Figure label="Free credits left this month" value={formatCredits(freeQuotaLeft)} />
          <Figure
            label="Spent this month"
            value={
              monthlyCap === null
                ? formatCredits(spentThisMonth)
                : `${formatCredits(spentThisMonth)} of ${formatCredits(monthlyCap)}`
            }
          />
        </dl>
      </CardContent>
    </Card>
  );
}
