import { useState } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useLedger, type LedgerEntry } from "../api/get-ledger";

const TYPE_LABELS: Record<string, string> = {
  purchase: "Purchase",
  "free-grant": "Free monthly credits",
  "admin-grant": "Granted by an admin",
  usage: "Usage",
  refund: "Refund",
  clawback: "Payment reversed",
  "hold-active": "Held",
  "hold-captured": "Hold charged",
  "hold-released": "Hold released",
  "hold-expired": "Hold expired",
};

function signed(credits: number): string {
  return credits > 0 ? `+${credits}` : String(credits);
}

function EntryRow({ entry }: { entry: LedgerEntry }) {
  return (
    <TableRow>
      <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(entry.at)}</TableCell>
      <TableCell>{TYPE_LABELS[entry.type] ?? entry.type}</TableCell>
      <TableCell>{[entry.reason, entry.operation].filter(Boolean).join(" · ") || "—"}</TableCell>
      <TableCell
        className={cn(
          "text-right tabular-nums",
          entry.credits > 0 && "text-success",
          entry.credits < 0 && "text-destructive",
        )}
      >
        {entry.credits === 0 ? "—" : signed(entry.credits)}
      </TableCell>
      <TableCell className="text-right tabular-nums text-muted-foreground">{entry.amount}</TableCell>
    </TableRow>
  );
}

/** Every movement and hold of the org's credits, newest first, a page at a time. */
export function LedgerTable({ orgId }: { orgId: string }) {
  const [page, setPage] = useState(0);
  const ledger = useLedger(orgId, page);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Ledger</CardTitle>
        <CardDescription>
          “Change” is what moved the balance; holds reserve credits for running work without
          changing it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {ledger.isPending ? (
          <LoadingState label="Loading the ledger…" />
        ) : ledger.isError ? (
          <ErrorState title="The ledger could not be loaded" error={ledger.error} onRetry={() => void ledger.refetch()} />
        ) : ledger.data.entries.length === 0 && page === 0 ? (
          <EmptyState title="No credit movements yet" />
        ) : (
          <>
            <Table aria-busy={ledger.isPlaceholderData}>
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Type</TableHead>
                  <TableHead>Reason</TableHead>
                  <TableHead className="text-right">Change</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ledger.data.entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} />
                ))}
              </TableBody>
            </Table>
            <nav aria-label="Ledger pages" className="flex items-center justify-end gap-2">
              <span className="text-sm text-muted-foreground">Page {page + 1}</span>
              <Button
                variant="outline"
                size="sm"
                disabled={page === 0 || ledger.isPlaceholderData}
                onClick={() => {
                  setPage((p) => p - 1);
                }}
              >
                Newer
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={!ledger.data.hasMore || ledger.isPlaceholderData}
                onClick={() => {
                  setPage((p) => p + 1);
                }}
              >
                Older
              </Button>
            </nav>
          </>
        )}
      </CardContent>
    </Card>
  );
}
