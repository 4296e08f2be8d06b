import type { LiveEvent } from "@/lib/live-events";
import { parsePipelineEvent, type PipelineEvent } from "./pipeline-events";

/** The stages of a generation, in the order they run (`generation.Pipeline`). */
export const STAGES = ["plan", "database", "api", "ui", "files", "plugins", "version", "build"] as const;
export type StageId = (typeof STAGES)[number];

export type StageState =
  | { status: "pending" }
  | { status: "running" }
  | { status: "done"; summary: string | null }
  | { status: "skipped"; reason: string }
  | { status: "failed"; reason: string }
  | { status: "cancelled" };

/** `waiting`: no event yet (the generation is queued). */
export type RunStatus = "waiting" | "running" | "succeeded" | "failed" | "cancelled";

type Data<T extends PipelineEvent["type"]> = Extract<PipelineEvent, { type: T }>["data"];

export type FileClosed = Data<"file_closed">;
export type PluginResult = Data<"plugin_result">;
export type TestResult = Data<"test_result">;
export type AutofixAttempt = Data<"autofix_attempt">;
export type CreditsCharged = Data<"credits_charged">;

/** The model's streamed answer for one purpose (`plan`, `fix`), its tokens joined. */
export interface ModelOutput {
  purpose: string;
  text: string;
}

export interface BuildRun {
  ok: boolean;
  /** The step that failed: `typecheck`, `build` or `smoke`. */
  step: string | null;
  errors: string[];
  version: string;
}

export interface PreviewNote {
  seq: number;
  type: "starting" | "ready" | "updated" | "error" | "stopped";
  text: string;
}

export interface PipelineState {
  status: RunStatus;
  stages: Record<StageId, StageState>;
  output: ModelOutput[];
  reasoning: string[];
  files: FileClosed[];
  plugins: PluginResult[];
  /** The build's output, its last {@link MAX_LOG_LINES} lines. */
  buildLog: string[];
  builds: BuildRun[];
  tests: TestResult[];
  autofixes: AutofixAttempt[];
  credits: CreditsCharged | null;
  /** The version it ended with. */
  version: string | null;
  failure: { reason: string; stage: string | null } | null;
  preview: PreviewNote[];
}

const MAX_LOG_LINES = 2000;

function isStage(stage: string | null | undefined): stage is StageId {
  return STAGES.some((id) => id === stage);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a completed stage reports, in words; null when it reports nothing worth saying. */
function summarize(stage: StageId, data: Record<string, unknown>): string | null {
  const { entities, operations, files, changed, errors, number } = data;
  switch (stage) {
    case "plan":
      return Array.isArray(entities) ? `${plural(entities.length, "entity", "entities")}: ${entities.join(", ")}` : null;
    case "database":
      return typeof data.validated === "string" ? data.validated : null;
    case "api":
      return typeof operations === "number" ? plural(operations, "operation") : null;
    case "files":
      return typeof files === "number" && typeof changed === "number"
        ? `${plural(files, "file")}, ${changed} changed`
        : null;
    case "plugins":
      return typeof errors === "number" ? (errors === 0 ? "no errors" : plural(errors, "error")) : null;
    case "version":
      if (typeof number === "number") return `version ${number}, ${plural(Number(changed), "file")} changed`;
      return changed === 0 ? "no file changed: the current version stays" : null;
    default:
      return null;
  }
}

function initial(): PipelineState {
  return {
    status: "waiting",
    stages: Object.fromEntries(STAGES.map((id) => [id, { status: "pending" }])) as Record<StageId, StageState>,
    output: [],
    reasoning: [],
    files: [],
    plugins: [],
    buildLog: [],
    builds: [],
    tests: [],
    autofixes: [],
    credits: null,
    version: null,
    failure: null,
    preview: [],
  };
}

function previewNote(event: PipelineEvent): PreviewNote | null {
  switch (event.type) {
    case "preview_starting":
      return { seq: event.seq, type: "starting", text: "Preview starting" };
    case "preview_ready":
      return { seq: event.seq, type: "ready", text: `Preview ready in ${(event.data.startedInMs / 1000).toFixed(1)} s` };
    case "preview_updated":
      return { seq: event.seq, type: "updated", text: `Preview updated: ${plural(event.data.changed.length, "file")} changed` };
    case "preview_error":
      return { seq: event.seq, type: "error", text: event.data.error };
    case "preview_stopped":
      return { seq: event.seq, type: "stopped", text: `Preview stopped: ${event.data.reason}` };
    default:
      return null;
  }
}

function end(state: PipelineState, event: Extract<PipelineEvent, { type: "generation_failed" }>) {
  const cancelled = event.data.reason === "cancelled";
  const stage = event.stage ?? event.data.failedStage ?? null;
  state.status = cancelled ? "cancelled" : "failed";
  state.failure = { reason: event.data.reason, stage };
  state.version = event.data.version ?? state.version;
  if (isStage(stage)) {
    state.stages[stage] = cancelled ? { status: "cancelled" } : { status: "failed", reason: event.data.reason };
  }
}

function apply(state: PipelineState, event: PipelineEvent) {
  const stage = isStage(event.stage) ? event.stage : null;
  switch (event.type) {
    case "generation_started":
      state.status = "running";
      break;
    case "stage_started":
      state.status = "running";
      if (stage) state.stages[stage] = { status: "running" };
      break;
    case "stage_complete":
      if (stage) {
        state.stages[stage] = event.data.skipped
          ? { status: "skipped", reason: event.data.reason ?? "nothing to do" }
          : { status: "done", summary: summarize(stage, event.data) };
      }
      break;
    case "token": {
      const last = state.output.at(-1);
      if (last?.purpose === event.data.purpose) last.text += event.data.text;
      else state.output.push({ purpose: event.data.purpose, text: event.data.text });
      break;
    }
    case "reasoning_step":
      state.reasoning.push(event.data.text ?? event.data.summary ?? JSON.stringify(event.data));
      break;
    case "file_closed":
      state.files.push(event.data);
      break;
    case "plugin_result":
      state.plugins.push(event.data);
      break;
    case "build_progress":
      state.buildLog.push(...event.data.lines);
      if (state.buildLog.length > MAX_LOG_LINES) state.buildLog.splice(0, state.buildLog.length - MAX_LOG_LINES);
      break;
    case "build_ok":
      state.builds.push({ ok: true, step: null, errors: [], version: event.data.version });
      state.stages.build = { status: "done", summary: "typechecked, built and smoke-tested" };
      break;
    case "build_error":
      state.builds.push({ ok: false, ...event.data });
      break;
    case "test_result":
      state.tests.push(event.data);
      break;
    case "autofix_attempt":
      state.autofixes.push(event.data);
      break;
    case "credits_charged":
      state.credits = event.data;
      break;
    case "generation_completed":
      state.status = "succeeded";
      state.version = event.data.version;
      break;
    case "generation_failed":
      end(state, event);
      break;
    default: {
      const note = previewNote(event);
      if (note) state.preview.push(note);
    }
  }
}

/** Where a generation stands, from its events in seq order. */
export function pipelineState(events: readonly LiveEvent[]): PipelineState {
  const state = initial();
  for (const event of events) {
    const parsed = parsePipelineEvent(event);
    if (parsed) apply(state, parsed);
  }
  return state;
}
