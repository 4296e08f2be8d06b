import { Ban, CircleCheck, CircleDashed, CircleMinus, CircleX, LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";
import { STAGES, type RunStatus, type StageId, type StageState } from "../../pipeline/pipeline-state";

const NAMES: Record<StageId, string> = {
  plan: "Plan",
  database: "Database",
  api: "API",
  ui: "UI",
  files: "Files",
  plugins: "Plugins",
  version: "Version",
  build: "Build",
};

function describe(state: StageState, ended: boolean): string {
  switch (state.status) {
    case "pending":
      return ended ? "Not reached" : "Pending";
    case "running":
      return ended ? "Stopped" : "Running…";
    case "done":
      return state.summary ? `Done: ${state.summary}` : "Done";
    case "skipped":
      return `Skipped: ${state.reason}`;
    case "failed":
      return `Failed: ${state.reason}`;
    case "cancelled":
      return "Cancelled";
  }
}

function StageIcon({ state, ended }: { state: StageState; ended: boolean }) {
  const className = "mt-0.5 size-4 shrink-0";
  switch (state.status) {
    case "done":
      return <CircleCheck aria-hidden className={cn(className, "text-success")} />;
    case "running":
      return ended ? (
        <CircleMinus aria-hidden className={cn(className, "text-muted-foreground")} />
      ) : (
        <LoaderCircle aria-hidden className={cn(className, "animate-spin text-warning")} />
      );
    case "skipped":
      return <CircleMinus aria-hidden className={cn(className, "text-muted-foreground")} />;
    case "failed":
      return <CircleX aria-hidden className={cn(className, "text-destructive")} />;
    case "cancelled":
      return <Ban aria-hidden className={cn(className, "text-muted-foreground")} />;
    case "pending":
      return <CircleDashed aria-hidden className={cn(className, "text-muted-foreground")} />;
  }
}

/** The eight stages in order, each with its state and what it reported. */
export function StageList({ stages, status }: { stages: Record<StageId, StageState>; status: RunStatus }) {
  const ended = status === "succeeded" || status === "failed" || status === "cancelled";
  return (
    <ol aria-label="Stages" className="grid grid-cols-1 gap-1.5">
      {STAGES.map((id) => {
        const state = stages[id];
        return (
          <li key={id} className="flex items-start gap-2 text-sm">
            <StageIcon state={state} ended={ended} />
            <span className="w-20 shrink-0 font-medium">{NAMES[id]}</span>
            <span
              className={cn(
                "min-w-0 break-words",
                state.status === "failed" ? "text-destructive" : "text-muted-foreground",
              )}
            >
              {describe(state, ended)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
