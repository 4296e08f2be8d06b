import { BadgeCheck, CircleX } from "lucide-react";
import { useId } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import { ScreenshotGallery } from "./screenshot-gallery";
import type { SmokePage, Verification } from "../../api/get-verification";
import { ScrollText } from "../scroll-text";

const STEPS: Record<string, string> = { typecheck: "the typecheck", build: "the build", smoke: "the smoke test" };

function FailingPages({ pages }: { pages: SmokePage[] }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="grid grid-cols-1 gap-2">
      <h4 id={heading} className="text-sm font-semibold text-destructive">
        Failing pages ({pages.length})
      </h4>
      <ul className="grid grid-cols-1 gap-2">
        {pages.map((page) => (
          <li key={page.path} className="rounded-md border border-destructive/40 p-2 text-sm">
            <p>
              <code className="font-medium">{page.path}</code>{" "}
              <span className="text-muted-foreground">{page.status === 0 ? "did not answer" : `answered ${page.status}`}</span>
            </p>
            <ul className="mt-1 list-disc pl-5 text-xs text-destructive">
              {page.problems.map((problem, index) => (
                <li key={index} className="whitespace-pre-wrap">
                  {problem}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A version's verified build: the badge, what failed and where, the pages the smoke test opened
 * and their screenshots.
 */
export function VerificationPanel({ verification, versionName }: { verification: Verification; versionName: string }) {
  const pages = verification.report?.pages ?? [];
  const failing = pages.filter((page) => !page.ok);
  const screenshots = useId();
  return (
    <div className="grid grid-cols-1 gap-4">
      {verification.verified ? (
        <Alert variant="success">
          <BadgeCheck aria-hidden />
          <AlertTitle>{versionName} is verified</AlertTitle>
          <AlertDescription>
            <p>
              It typechecked, built and every page passed the smoke test ({formatDateTime(verification.checkedAt)}).
            </p>
          </AlertDescription>
        </Alert>
      ) : (
        <Alert variant="destructive">
          <CircleX aria-hidden />
          <AlertTitle>
            {versionName} is not verified: it failed {STEPS[verification.step ?? ""] ?? "its verified build"}
          </AlertTitle>
          {verification.errors.length > 0 && (
            <AlertDescription>
              <ScrollText label="Build errors" text={verification.errors.join("\n")} className="max-h-48 border-0 bg-transparent p-0" />
            </AlertDescription>
          )}
        </Alert>
      )}
      {failing.length > 0 && <FailingPages pages={failing} />}
      {pages.length > 0 && (
        <p className="text-sm text-muted-foreground">
          The smoke test opened {pages.length} {pages.length === 1 ? "page" : "pages"}; {pages.length - failing.length} passed.
        </p>
      )}
      {verification.report && (
        <section aria-labelledby={screenshots} className="grid grid-cols-1 gap-2">
          <h4 id={screenshots} className="text-sm font-semibold">
            Screenshots
          </h4>
          <ScreenshotGallery verification={verification} />
        </section>
      )}
    </div>
  );
}
