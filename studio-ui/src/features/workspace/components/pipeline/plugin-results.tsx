import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { Diagnostic } from "../../pipeline/pipeline-events";
import type { PluginResult } from "../../pipeline/pipeline-state";

function location({ file, line, column }: Diagnostic): string {
  if (!file) return "project";
  if (line === 0) return file;
  return column === 0 ? `${file}:${line}` : `${file}:${line}:${column}`;
}

function severityClass(severity: string): string {
  const level = severity.toLowerCase();
  return level === "error" ? "text-destructive" : level === "warning" ? "text-warning" : "text-muted-foreground";
}

function PluginCard({ result }: { result: PluginResult }) {
  const ok = result.status === "succeeded";
  return (
    <li className="grid grid-cols-1 gap-2 rounded-lg border p-2.5 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{result.plugin}</span>
        {result.version && <span className="text-xs text-muted-foreground">{result.version}</span>}
        <Badge variant={ok ? "success" : "destructive"}>{result.status.replaceAll("_", " ")}</Badge>
        <span className="text-xs text-muted-foreground">took {(result.tookMs / 1000).toFixed(1)} s</span>
        <span className="text-xs text-muted-foreground">
          {result.editsApplied.length === 0 ? "no edits" : `${result.editsApplied.length} edits applied`}
        </span>
      </div>
      {result.error && <p className="text-destructive">{result.error}</p>}
      {result.editsApplied.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Edited: {result.editsApplied.map((path) => <code key={path} className="mr-2">{path}</code>)}
        </p>
      )}
      {result.diagnostics.length > 0 && (
        <ul aria-label={`Diagnostics of ${result.plugin}`} className="grid grid-cols-1 gap-1 text-xs">
          {result.diagnostics.map((diagnostic, index) => (
            <li key={index} className="grid grid-cols-1 gap-0.5">
              <span>
                <span className={cn("font-semibold uppercase", severityClass(diagnostic.severity))}>
                  {diagnostic.severity.toLowerCase()}
                </span>{" "}
                <code>{location(diagnostic)}</code> <span className="text-muted-foreground">({diagnostic.rule})</span>
              </span>
              <span className="whitespace-pre-wrap">{diagnostic.message}</span>
            </li>
          ))}
        </ul>
      )}
      {result.diagnosticCount > result.diagnostics.length && (
        <p className="text-xs text-muted-foreground">
          Showing {result.diagnostics.length} of {result.diagnosticCount} diagnostics.
        </p>
      )}
    </li>
  );
}

/** Each tool plugin's run: how it ended, how long it took, what it found and edited. */
export function PluginResults({ results }: { results: PluginResult[] }) {
  return (
    <ul className="grid grid-cols-1 gap-2">
      {results.map((result, index) => (
        <PluginCard key={`${result.plugin}-${index}`} result={result} />
      ))}
    </ul>
  );
}
