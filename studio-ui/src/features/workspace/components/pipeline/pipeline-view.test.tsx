import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { PipelineView } from "./pipeline-view";
import { pipelineState } from "../../pipeline/pipeline-state";
import { events, FAILED_RUN } from "../../testing/fixtures";

function renderPipeline(list: Parameters<typeof pipelineState>[0]) {
  render(<PipelineView state={pipelineState(list)} versionNumber={() => 3} />);
  return within(screen.getByRole("list", { name: "Stages" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);
}

describe("PipelineView", () => {
  it("shows each stage's state from the events of a run in progress", () => {
    const stages = renderPipeline(
      events(
        ["generation_started", null],
        ["stage_started", "plan"],
        ["stage_complete", "plan", { entities: ["task"], generator: "template" }],
        ["stage_complete", "database", { skipped: true, reason: "the manifest did not change" }],
        ["stage_complete", "api", { skipped: true, reason: "the manifest did not change" }],
        ["stage_complete", "ui", { skipped: true, reason: "the manifest did not change" }],
        ["stage_started", "files"],
      ),
    );

    expect(stages).toEqual([
      "PlanDone: 1 entity: task",
      "DatabaseSkipped: the manifest did not change",
      "APISkipped: the manifest did not change",
      "UISkipped: the manifest did not change",
      "FilesRunning…",
      "PluginsPending",
      "VersionPending",
      "BuildPending",
    ]);
    expect(screen.getByText("Running")).toBeVisible();
  });

  it("shows where a failed run stopped, why, and what each stage reported", async () => {
    const stages = renderPipeline(FAILED_RUN);

    expect(stages).toEqual([
      "PlanDone: 2 entities: task, project",
      "DatabaseDone: applied to a scratch PostgreSQL database",
      "APIDone: 12 operations",
      "UIDone",
      "FilesDone: 42 files, 2 changed",
      "PluginsDone: 1 error",
      "VersionDone: version 3, 2 files changed",
      "BuildFailed: the app does not build (smoke): /tasks answered 500",
    ]);
    expect(screen.getByRole("alert")).toHaveTextContent("Failed at build; nothing was charged");
    expect(screen.getByText("app/page.tsx:12:5")).toBeVisible();
    expect(screen.getByText("'limit' is assigned a value but never used.")).toBeVisible();
    expect(screen.getByRole("region", { name: "Build output" })).toHaveTextContent("Compiled successfully");
    expect(screen.getByText("Build 1: failed at smoke")).toBeVisible();
    expect(screen.getByText("answered 500; console error: boom")).toBeVisible();
    expect(screen.getByText("Attempt 1: no fix: the errors name no file of the project")).toBeVisible();

    // The file that came with a diff opens it.
    await userEvent.setup().click(screen.getByRole("button", { name: /app\/page\.tsx/ }));
    expect(screen.getByRole("region", { name: "Changes to app/page.tsx" })).toHaveTextContent('const title = "My tasks";');
  });

  it("says what a succeeded run was charged", () => {
    renderPipeline(
      events(
        ["stage_started", "build"],
        ["build_ok", "build", { version: "abc" }],
        ["credits_charged", null, { credits: 12, held: 30, promptTokens: 1500, completionTokens: 500, ownKey: false }],
        ["generation_completed", null, { version: "abc" }],
      ),
    );
    expect(screen.getByText("Verified version 3")).toBeVisible();
    expect(screen.getByText(/Charged 12 credits of the 30 credits held, for 2,000 model tokens\./)).toBeVisible();
  });
});
