import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { AutofixAttempts, BuildRuns, SmokeTestTable } from "./build-results";
import { FileChanges } from "./file-changes";
import { PipelineSection } from "./pipeline-section";
import { PluginResults } from "./plugin-results";
import { RunOutcome } from "./run-outcome";
import { StageList } from "./stage-list";
import type { PipelineState, RunStatus } from "../../pipeline/pipeline-state";
import { ScrollText } from "../scroll-text";

const STATUS: Record<RunStatus, { label: string; variant: "outline" | "warning" | "success" | "destructive" | "secondary" }> = {
  waiting: { label: "Waiting to start", variant: "outline" },
  running: { label: "Running", variant: "warning" },
  succeeded: { label: "Succeeded", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  cancelled: { label: "Cancelled", variant: "secondary" },
};

interface PipelineViewProps {
  state: PipelineState;
  /** Turns a version id into its number, when the versions are known. */
  versionNumber: (version: string | null) => number | undefined;
}

/** A generation's pipeline, from its events: stages, model output, files, plugins, build, preview. */
export function PipelineView({ state, versionNumber }: PipelineViewProps) {
  const running = state.status === "running";
  const lastTest = state.tests.at(-1);
  return (
    <div className="grid grid-cols-1 gap-5 p-3">
      <div className="flex items-center gap-2">
        <Badge variant={STATUS[state.status].variant}>{STATUS[state.status].label}</Badge>
      </div>
      <StageList stages={state.stages} status={state.status} />
      <RunOutcome state={state} versionNumber={versionNumber(state.version)} />

      {state.output.map((output, index) => (
        <PipelineSection key={index} title={`Model output (${output.purpose})`} meta={`${output.text.length.toLocaleString()} characters`}>
          <ScrollText follow label={`Model output for ${output.purpose}`} text={output.text} />
        </PipelineSection>
      ))}
      {state.reasoning.length > 0 && (
        <PipelineSection title="Reasoning" meta={`${state.reasoning.length} steps`}>
          <ol className="grid grid-cols-1 list-decimal gap-1 pl-5 text-sm">
            {state.reasoning.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </PipelineSection>
      )}
      {state.files.length > 0 && (
        <PipelineSection title="Files written" meta={`${state.files.length} changed`}>
          <FileChanges files={state.files} />
        </PipelineSection>
      )}
      {state.plugins.length > 0 && (
        <PipelineSection title="Plugins" meta={`${state.plugins.length} ran`}>
          <PluginResults results={state.plugins} />
        </PipelineSection>
      )}
      {(state.buildLog.length > 0 || state.builds.length > 0) && (
        <PipelineSection title="Build" meta={running && state.stages.build.status === "running" ? "running…" : undefined}>
          {state.buildLog.length > 0 && <ScrollText follow label="Build output" text={state.buildLog.join("\n")} />}
          <BuildRuns builds={state.builds} />
        </PipelineSection>
      )}
      {lastTest && (
        <PipelineSection
          title="Smoke test"
          meta={
            <span className={cn(lastTest.ok ? "text-success" : "text-destructive")}>
              {lastTest.ok ? "every page passed" : "some pages failed"}
            </span>
          }
        >
          <SmokeTestTable result={lastTest} />
        </PipelineSection>
      )}
      {state.autofixes.length > 0 && (
        <PipelineSection title="Auto-fix" meta={`${state.autofixes.length} attempts`}>
          <AutofixAttempts attempts={state.autofixes} />
        </PipelineSection>
      )}
      {state.preview.length > 0 && (
        <PipelineSection title="Preview">
          <ul className="grid grid-cols-1 gap-1 text-sm">
            {state.preview.map((note) => (
              <li key={note.seq} className={cn("whitespace-pre-wrap", note.type === "error" && "text-destructive")}>
                {note.text}
              </li>
            ))}
          </ul>
        </PipelineSection>
      )}
    </div>
  );
}
