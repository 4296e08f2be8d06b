import { describe, expect, it } from "vitest";
import { pipelineState } from "./pipeline-state";
import { events, FAILED_RUN, VERSION } from "../testing/fixtures";

describe("pipelineState", () => {
  it("follows a run stage by stage to its failure", () => {
    const state = pipelineState(FAILED_RUN);

    expect(state.status).toBe("failed");
    expect(state.stages.plan).toEqual({ status: "done", summary: "2 entities: task, project" });
    expect(state.stages.version).toEqual({ status: "done", summary: "version 3, 2 files changed" });
    expect(state.stages.build).toMatchObject({ status: "failed" });
    expect(state.failure).toEqual({ reason: "the app does not build (smoke): /tasks answered 500", stage: "build" });
    expect(state.version).toBe(VERSION);
    expect(state.buildLog).toEqual(["> next build", "Compiled successfully"]);
  });

  it("joins a purpose's streamed tokens and keeps each purpose apart", () => {
    const state = pipelineState(
      events(
        ["token", "plan", { purpose: "plan", text: '{"app": ' }],
        ["token", "plan", { purpose: "plan", text: '"Tasks"}' }],
        ["token", "build", { purpose: "fix", text: "export default" }],
      ),
    );
    expect(state.output).toEqual([
      { purpose: "plan", text: '{"app": "Tasks"}' },
      { purpose: "fix", text: "export default" },
    ]);
  });

  it("leaves out an event whose data is not of its type's shape", () => {
    const state = pipelineState(events(["file_closed", "files", { path: 42 }], ["stage_started", "plan"]));
    expect(state.files).toEqual([]);
    expect(state.stages.plan).toEqual({ status: "running" });
  });

  it("marks the stage a cancelled run was in as cancelled", () => {
    const state = pipelineState(
      events(["stage_started", "plan"], ["generation_failed", "plan", { reason: "cancelled" }]),
    );
    expect(state.status).toBe("cancelled");
    expect(state.stages.plan).toEqual({ status: "cancelled" });
  });
});
