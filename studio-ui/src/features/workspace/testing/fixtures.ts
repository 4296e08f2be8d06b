import type { LiveEvent } from "@/lib/live-events";

/**
 * Workspace fixtures in the API's real shapes: events as `generation.Pipeline` and
 * `GenerationWorker` emit them, generations and versions as their controllers answer.
 */

let at = Date.parse("2026-11-30T09:00:00Z");

/** A generation's events, numbered from 1, each a second after the previous. */
export function events(...specs: [type: string, stage: string | null, data?: Record<string, unknown>][]): LiveEvent[] {
  return specs.map(([type, stage, data = {}], index) => {
    at += 1000;
    return {
      seq: index + 1,
      generationId: "g1",
      projectId: "p1",
      type,
      stage,
      at: new Date(at).toISOString(),
      data,
    };
  });
}

export const VERSION = "3f1c2a9be0d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8";

export const PAGE_DIFF = [
  "--- a/app/page.tsx",
  "+++ b/app/page.tsx",
  "@@ -1,3 +1,4 @@",
  ' import { tasks } from "@/lib/store";',
  "-const title = \"Tasks\";",
  "+const title = \"My tasks\";",
  "+const limit = 20;",
  " export default function Page() {",
  "",
].join("\n");

/** A first generation whose build failed its smoke test, with no file to fix. */
export const FAILED_RUN = events(
  ["generation_started", null, { kind: "create", generator: "template" }],
  ["stage_started", "plan"],
  ["stage_complete", "plan", { manifestSha: "ab12", entities: ["task", "project"], generator: "template" }],
  ["stage_started", "database"],
  ["stage_complete", "database", { validated: "applied to a scratch PostgreSQL database" }],
  ["stage_started", "api"],
  ["stage_complete", "api", { operations: 12 }],
  ["stage_started", "ui"],
  ["stage_complete", "ui"],
  ["stage_started", "files"],
  ["file_closed", "files", { path: "app/layout.tsx", change: "added" }],
  ["file_closed", "files", { path: "app/page.tsx", change: "modified", diff: PAGE_DIFF }],
  ["stage_complete", "files", { files: 42, changed: 2 }],
  ["stage_started", "plugins"],
  [
    "plugin_result",
    "plugins",
    {
      plugin: "kiln-eslint",
      version: "1.0.0",
      status: "succeeded",
      tookMs: 1530,
      diagnostics: [
        { file: "app/page.tsx", line: 12, column: 5, severity: "ERROR", rule: "no-unused-vars", message: "'limit' is assigned a value but never used." },
      ],
      diagnosticCount: 1,
      editsApplied: ["app/layout.tsx"],
    },
  ],
  ["stage_complete", "plugins", { errors: 1 }],
  ["stage_started", "version"],
  ["stage_complete", "version", { changed: 2, version: VERSION, number: 3 }],
  ["stage_started", "build"],
  ["build_progress", "build", { lines: ["> next build", "Compiled successfully"] }],
  [
    "test_result",
    "build",
    {
      version: VERSION,
      ok: false,
      pages: [
        { path: "/", status: 200, ok: true, problems: [], screenshot: 1 },
        { path: "/tasks", status: 500, ok: false, problems: ["answered 500", "console error: boom"], screenshot: 2 },
      ],
    },
  ],
  ["build_error", "build", { step: "smoke", errors: ["/tasks answered 500"], version: VERSION }],
  ["autofix_attempt", "build", { attempt: 1, implicated: [], result: "no fix: the errors name no file of the project" }],
  ["generation_failed", "build", { reason: "the app does not build (smoke): /tasks answered 500", failedStage: "build", version: VERSION }],
);

export function generation(overrides: Record<string, unknown> = {}) {
  return {
    id: "g1",
    projectId: "p1",
    kind: "create",
    prompt: "a task tracker",
    status: "succeeded",
    stage: "build",
    estimate: 10,
    version: VERSION,
    error: null,
    charged: 10,
    createdBy: "u1",
    createdAt: "2026-11-30T09:00:00Z",
    startedAt: "2026-11-30T09:00:01Z",
    finishedAt: "2026-11-30T09:01:30Z",
    holdId: "h1",
    generator: "template",
    ownKey: false,
    promptTokens: 0,
    completionTokens: 0,
    ...overrides,
  };
}

export function version(number: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `${number}`.padStart(40, "a"),
    number,
    message: `Version ${number} message`,
    at: "2026-11-30T09:01:00Z",
    generationId: "g1",
    parent: number > 1 ? `${number - 1}`.padStart(40, "a") : null,
    verification: "verified",
    ...overrides,
  };
}
