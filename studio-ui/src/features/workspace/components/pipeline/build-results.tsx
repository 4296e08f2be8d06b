import { CircleCheck, CircleX } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AutofixAttempt, BuildRun, TestResult } from "../../pipeline/pipeline-state";
import { ScrollText } from "../scroll-text";

/** Each build of the run (one, then one per auto-fix): passed, or the step that failed and why. */
export function BuildRuns({ builds }: { builds: BuildRun[] }) {
  return (
    <ol className="grid grid-cols-1 gap-1.5">
      {builds.map((build, index) => (
        <li key={index} className="grid grid-cols-1 gap-1 text-sm">
          <span className="inline-flex items-center gap-1.5 font-medium">
            {build.ok ? (
              <CircleCheck aria-hidden className="size-4 text-success" />
            ) : (
              <CircleX aria-hidden className="size-4 text-destructive" />
            )}
            Build {index + 1}: {build.ok ? "passed" : `failed at ${build.step ?? "an unknown step"}`}
          </span>
          {build.errors.length > 0 && (
            <ScrollText label={`Errors of build ${index + 1}`} text={build.errors.join("\n")} className="max-h-48 border-destructive/30 bg-destructive/10 text-destructive" />
          )}
        </li>
      ))}
    </ol>
  );
}

/** The smoke test: every page it opened, its HTTP status and what went wrong on it. */
export function SmokeTestTable({ result }: { result: TestResult }) {
  return (
    <Table aria-label="Smoke test pages">
      <TableHeader>
        <TableRow>
          <TableHead>Page</TableHead>
          <TableHead>HTTP</TableHead>
          <TableHead>Result</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.pages.map((page) => (
          <TableRow key={page.path}>
            <TableCell>
              <code>{page.path}</code>
            </TableCell>
            <TableCell>{page.status === 0 ? "none" : page.status}</TableCell>
            <TableCell className={page.ok ? "text-success" : "text-destructive"}>
              {page.ok ? "OK" : page.problems.join("; ") || "failed"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The auto-fix attempts after a failed build: which files the errors named and what came of it. */
export function AutofixAttempts({ attempts }: { attempts: AutofixAttempt[] }) {
  return (
    <ol className="grid grid-cols-1 gap-2">
      {attempts.map((attempt) => (
        <li key={attempt.attempt} className="grid grid-cols-1 gap-1 rounded-lg border p-2.5 text-sm">
          <span className="font-medium">
            Attempt {attempt.attempt}: {attempt.result}
          </span>
          <span className="text-xs text-muted-foreground">
            Implicated: {attempt.implicated.length === 0 ? "no file" : attempt.implicated.join(", ")}
          </span>
          {attempt.files && attempt.files.length > 0 && (
            <span className="text-xs">Changed: {attempt.files.join(", ")}</span>
          )}
          {attempt.refused && attempt.refused.length > 0 && (
            <span className="text-xs text-destructive">Refused: {attempt.refused.join(", ")}</span>
          )}
          {attempt.number !== undefined && <span className="text-xs">New version {attempt.number}</span>}
        </li>
      ))}
    </ol>
  );
}
