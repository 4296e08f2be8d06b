import { Coins } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatCredits } from "@/lib/format";
import type { useGenerationEstimate } from "@/lib/generation-estimate";

/** What starting a generation costs, shown before the user commits to it. */
export function GenerationEstimate({ estimate }: { estimate: ReturnType<typeof useGenerationEstimate> }) {
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border bg-muted/50 p-3 text-sm">
      {estimate.isPending ? (
        <>
          <Spinner className="mt-0.5" />
          <p>Checking what a generation costs…</p>
        </>
      ) : estimate.isError ? (
        <div className="grid gap-2">
          <p className="text-destructive">The cost could not be checked: {estimate.error.message}</p>
          <Button variant="outline" size="sm" className="w-fit" onClick={() => void estimate.refetch()}>
            Check again
          </Button>
        </div>
      ) : (
        <>
          <Coins aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            <span className="font-medium">Estimated cost: {formatCredits(estimate.data.credits)}.</span>{" "}
            They are held when the generation starts and charged only if it succeeds. A generation
            planned by a language model also uses credits for its tokens.
          </p>
        </>
      )}
    </div>
  );
}
