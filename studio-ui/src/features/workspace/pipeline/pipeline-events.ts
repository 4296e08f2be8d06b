import { z } from "zod";
import type { LiveEvent } from "@/lib/live-events";

/**
 * The `data` of each generation event type, as platform-api writes it (`generation.Pipeline`,
 * `GenerationWorker`, `LlmGenerator`, `preview.Previews`). An event whose data does not match is
 * left out rather than shown wrong.
 */

const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  severity: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

const testPageSchema = z.object({
  path: z.string(),
  status: z.number(),
  ok: z.boolean(),
  problems: z.array(z.string()),
});

const dataSchemas = {
  generation_started: z.object({ kind: z.string().optional(), generator: z.string().optional() }),
  stage_started: z.object({}),
  stage_complete: z.looseObject({ skipped: z.boolean().optional(), reason: z.string().optional() }),
  token: z.object({ purpose: z.string(), text: z.string() }),
  reasoning_step: z.looseObject({ text: z.string().optional(), summary: z.string().optional() }),
  file_closed: z.object({ path: z.string(), change: z.string(), diff: z.string().optional() }),
  plugin_result: z.object({
    plugin: z.string(),
    version: z.string().optional(),
    status: z.string(),
    error: z.string().optional(),
    tookMs: z.number(),
    diagnostics: z.array(diagnosticSchema),
    diagnosticCount: z.number(),
    editsApplied: z.array(z.string()),
  }),
  build_progress: z.object({ lines: z.array(z.string()) }),
  build_ok: z.object({ version: z.string() }),
  build_error: z.object({ step: z.string(), errors: z.array(z.string()), version: z.string() }),
  test_result: z.object({ version: z.string(), ok: z.boolean(), pages: z.array(testPageSchema) }),
  autofix_attempt: z.object({
    attempt: z.number(),
    implicated: z.array(z.string()),
    files: z.array(z.string()).optional(),
    refused: z.array(z.string()).optional(),
    version: z.string().optional(),
    number: z.number().optional(),
    result: z.string(),
  }),
  credits_charged: z.object({
    credits: z.number(),
    held: z.number(),
    promptTokens: z.number().optional(),
    completionTokens: z.number().optional(),
    ownKey: z.boolean().optional(),
  }),
  generation_completed: z.object({ version: z.string() }),
  generation_failed: z.object({ reason: z.string(), failedStage: z.string().optional(), version: z.string().optional() }),
  preview_starting: z.object({ version: z.string() }),
  preview_ready: z.object({ version: z.string(), url: z.string(), expiresAt: z.string(), startedInMs: z.number() }),
  preview_updated: z.object({ version: z.string(), changed: z.array(z.string()), deleted: z.array(z.string()) }),
  preview_error: z.object({ version: z.string(), error: z.string() }),
  preview_stopped: z.object({ reason: z.string() }),
};

type EventType = keyof typeof dataSchemas;

interface Typed<T extends EventType> {
  type: T;
  seq: number;
  stage: string | null;
  at: string;
  data: z.infer<(typeof dataSchemas)[T]>;
}

/** A generation event with its data checked, discriminated by `type`. */
export type PipelineEvent = { [T in EventType]: Typed<T> }[EventType];

function isEventType(type: string): type is EventType {
  return type in dataSchemas;
}

/** The event with its data checked; null for an unknown type or data of another shape. */
export function parsePipelineEvent(event: LiveEvent): PipelineEvent | null {
  const { type } = event;
  if (!isEventType(type)) return null;
  const parsed = dataSchemas[type].safeParse(event.data);
  if (!parsed.success) return null;
  // The schema was chosen by `type`, so `data` is that type's: TypeScript cannot follow the pairing.
  return { type, seq: event.seq, stage: event.stage, at: event.at, data: parsed.data } as PipelineEvent;
}
