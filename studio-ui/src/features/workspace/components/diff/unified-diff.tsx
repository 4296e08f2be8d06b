import { cn } from "@/lib/utils";
import type { DiffLine, ParsedDiff } from "./parse-diff";

const ROW: Record<DiffLine["kind"], string> = {
  added: "bg-success/12",
  removed: "bg-destructive/12",
  context: "",
  hunk: "bg-muted text-muted-foreground",
  note: "text-muted-foreground italic",
};

const SIGN: Record<DiffLine["kind"], string> = { added: "+", removed: "-", context: " ", hunk: "", note: "" };

/** Screen readers hear what each line is, not only the sign. */
const SPOKEN: Partial<Record<DiffLine["kind"], string>> = { added: "added: ", removed: "removed: " };

/**
 * A unified diff, line by line: old and new line numbers, added lines green and removed ones red,
 * each also marked with its sign so colour is never the only cue.
 */
export function UnifiedDiff({ diff, label }: { diff: ParsedDiff; label: string }) {
  if (diff.lines.length === 0) {
    return <p className="px-3 py-2 text-sm text-muted-foreground">No line changed (a mode or binary change).</p>;
  }
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto font-mono text-xs leading-5 outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
    >
      <div className="min-w-max">
        {diff.lines.map((line, index) => (
          <div key={index} data-kind={line.kind} className={cn("flex", ROW[line.kind])}>
            <span aria-hidden className="w-10 shrink-0 pr-2 text-right text-muted-foreground select-none">
              {line.oldNumber ?? ""}
            </span>
            <span aria-hidden className="w-10 shrink-0 pr-2 text-right text-muted-foreground select-none">
              {line.newNumber ?? ""}
            </span>
            <span
              aria-hidden
              className={cn(
                "w-4 shrink-0 text-center select-none",
                line.kind === "added" && "text-success",
                line.kind === "removed" && "text-destructive",
              )}
            >
              {SIGN[line.kind]}
            </span>
            <span className="pr-4 whitespace-pre">
              {SPOKEN[line.kind] && <span className="sr-only">{SPOKEN[line.kind]}</span>}
              {line.text}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
