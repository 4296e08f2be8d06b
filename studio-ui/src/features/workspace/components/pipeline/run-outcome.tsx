import { CircleAlert, CircleCheck } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatCredits } from "@/lib/format";
import type { PipelineState } from "../../pipeline/pipeline-state";
import { ScrollText } from "../scroll-text";

/** How the run ended: the verified version and its charge, or why it failed. */
export function RunOutcome({ state, versionNumber }: { state: PipelineState; versionNumber: number | undefined }) {
  const { status, credits, failure, version } = state;
  const versionName = versionNumber === undefined ? version?.slice(0, 7) : String(versionNumber);
  if (status === "succeeded") {
    return (
      <Alert variant="success">
        <CircleCheck aria-hidden />
        <AlertTitle>Verified version {versionName}</AlertTitle>
        <AlertDescription>
          {credits ? (
            <p>
              Charged {formatCredits(credits.credits)} of the {formatCredits(credits.held)} held
              {credits.promptTokens !== undefined &&
                `, for ${(credits.promptTokens + (credits.completionTokens ?? 0)).toLocaleString()} model tokens${credits.ownKey ? " on your own key" : ""}`}
              .
            </p>
          ) : (
            <p>It built and passed its smoke test.</p>
          )}
        </AlertDescription>
      </Alert>
    );
  }
  if (status === "cancelled") {
    return (
      <Alert>
        <AlertTitle>Cancelled</AlertTitle>
        <AlertDescription>
          <p>The generation was stopped; its credits were released, nothing was charged.</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (status === "failed" && failure) {
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertTitle>Failed{failure.stage ? ` at ${failure.stage}` : ""}; nothing was charged</AlertTitle>
        <AlertDescription>
          <ScrollText label="Why it failed" text={failure.reason} className="max-h-48 border-0 bg-transparent p-0" />
          {version && <p>The last version it wrote, {versionName}, is kept.</p>}
        </AlertDescription>
      </Alert>
    );
  }
  return null;
}
