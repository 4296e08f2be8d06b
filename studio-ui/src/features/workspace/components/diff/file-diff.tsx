import { ChevronRight } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { parseDiff } from "./parse-diff";
import { UnifiedDiff } from "./unified-diff";

/** `add`/`added`, `modify`/`modified`, `delete`/`deleted`: the diff API's words and the events'. */
const CHANGES: Record<string, { label: string; variant: "success" | "warning" | "destructive" | "outline" }> = {
  add: { label: "Added", variant: "success" },
  added: { label: "Added", variant: "success" },
  modify: { label: "Modified", variant: "warning" },
  modified: { label: "Modified", variant: "warning" },
  delete: { label: "Deleted", variant: "destructive" },
  deleted: { label: "Deleted", variant: "destructive" },
};

export function ChangeBadge({ change }: { change: string }) {
  const look = CHANGES[change] ?? { label: change.charAt(0).toUpperCase() + change.slice(1), variant: "outline" as const };
  return <Badge variant={look.variant}>{look.label}</Badge>;
}

interface FileDiffProps {
  path: string;
  change: string;
  diff: string;
  defaultOpen?: boolean;
}

/** One file's change: a header that opens and closes its diff. */
export function FileDiff({ path, change, diff, defaultOpen = true }: FileDiffProps) {
  const [open, setOpen] = useState(defaultOpen);
  const parsed = useMemo(() => parseDiff(diff), [diff]);
  const bodyId = useId();
  return (
    <div className="overflow-hidden rounded-lg border">
      <h3 className="bg-muted/50">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => {
            setOpen(!open);
          }}
          className="flex w-full items-center gap-2 px-2 py-1.5 text-left text-sm outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
        >
          <ChevronRight aria-hidden className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} />
          <code className="min-w-0 flex-1 truncate">{path}</code>
          <ChangeBadge change={change} />
          <span className="shrink-0 font-mono text-xs">
            <span className="text-success">+{parsed.added}</span> <span className="text-destructive">−{parsed.removed}</span>
            <span className="sr-only">
              {" "}
              ({parsed.added} lines added, {parsed.removed} removed)
            </span>
          </span>
        </button>
      </h3>
      <div id={bodyId} hidden={!open} className="border-t">
        {open && <UnifiedDiff diff={parsed} label={`Changes to ${path}`} />}
      </div>
    </div>
  );
}
