import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, problem, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import { NewProjectDialog } from "./new-project-dialog";

const ESTIMATE = "GET /api/v1/orgs/o1/credits/estimate?operation=generation";
const TEMPLATES = "GET /api/v1/templates";
const KANBAN = {
  kind: "kanban",
  label: "Kanban",
  entities: ["boards", "columns", "tasks"],
  prompt: "a kanban app with boards, columns and tasks",
};
const templates = () => json(200, [KANBAN]);
const PROJECT = {
  id: "p1",
  orgId: "o1",
  name: "Yoga",
  createdBy: "u1",
  createdAt: "2026-11-30T09:00:00Z",
  updatedAt: "2026-11-30T09:00:00Z",
  head: null,
  manifestSha: null,
};

function renderDialog() {
  return renderPage(<NewProjectDialog orgId="o1" />, {
    route: "/orgs/o1/projects",
    path: "/orgs/:org/projects",
    org: { id: "o1", name: "Acme", role: "editor" },
  });
}

describe("NewProjectDialog", () => {
  it("shows what the generation costs before anything is submitted", async () => {
    let answerEstimate: (() => void) | undefined;
    const seen = stubFetch({
      [TEMPLATES]: templates,
      [ESTIMATE]: () =>
        new Promise((resolve) => {
          answerEstimate = () => {
            resolve(json(200, { operation: "generation", units: 1, credits: 10 }));
          };
        }),
    });
    const { user } = renderDialog();

    await user.click(screen.getByRole("button", { name: "New project" }));
    const submit = screen.getByRole("button", { name: "Create and generate" });
    expect(screen.getByText("Checking what a generation costs…")).toBeVisible();
    expect(submit).toBeDisabled();

    answerEstimate?.();
    expect(await screen.findByText(/Estimated cost: 10 credits\./)).toBeVisible();
    expect(submit).toBeEnabled();
    expect(seen.map((r) => r.method)).not.toContain("POST");
  });

  it("creates the project with its prompt and opens it", async () => {
    const seen = stubFetch({
      [TEMPLATES]: templates,
      [ESTIMATE]: () => json(200, { operation: "generation", units: 1, credits: 10 }),
      "POST /api/v1/orgs/o1/projects": () => json(201, { project: PROJECT, generationId: "g1" }),
    });
    const { user, router } = renderDialog();

    await user.click(screen.getByRole("button", { name: "New project" }));
    await user.type(screen.getByLabelText("Project name"), "Yoga");
    await user.type(screen.getByLabelText("What should the app do?"), "a booking system for a yoga studio");
    await screen.findByText(/Estimated cost/);
    await user.click(screen.getByRole("button", { name: "Create and generate" }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe("/orgs/o1/projects/p1");
    });
    expect(seen.find((r) => r.method === "POST")?.body).toEqual({
      name: "Yoga",
      prompt: "a booking system for a yoga studio",
    });
  });

  it("keeps the dialog open with the reason when credits do not suffice", async () => {
    stubFetch({
      [TEMPLATES]: templates,
      [ESTIMATE]: () => json(200, { operation: "generation", units: 1, credits: 10 }),
      "POST /api/v1/orgs/o1/projects": () =>
        problem(402, { title: "Not enough credits", detail: "This needs 10 credits; 4 are available." }),
    });
    const { user } = renderDialog();

    await user.click(screen.getByRole("button", { name: "New project" }));
    await user.type(screen.getByLabelText("Project name"), "Yoga");
    await user.type(screen.getByLabelText("What should the app do?"), "a booking system");
    await screen.findByText(/Estimated cost/);
    await user.click(screen.getByRole("button", { name: "Create and generate" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("This needs 10 credits; 4 are available.");
    expect(screen.getByRole("dialog")).toBeVisible();
  });

  it("fills in the name and the prompt from a template", async () => {
    const seen = stubFetch({
      [TEMPLATES]: templates,
      [ESTIMATE]: () => json(200, { operation: "generation", units: 1, credits: 10 }),
      "POST /api/v1/orgs/o1/projects": () => json(201, { project: PROJECT, generationId: "g1" }),
    });
    const { user } = renderDialog();

    await user.click(screen.getByRole("button", { name: "New project" }));
    await user.click(await screen.findByRole("button", { name: "Kanban" }));

    expect(screen.getByRole("button", { name: "Kanban" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByLabelText("Project name")).toHaveValue("Kanban");
    expect(screen.getByLabelText("What should the app do?")).toHaveValue(KANBAN.prompt);
    await screen.findByText(/Estimated cost/);
    await user.click(screen.getByRole("button", { name: "Create and generate" }));
    await waitFor(() => {
      expect(seen.find((r) => r.method === "POST")?.body).toEqual({ name: "Kanban", prompt: KANBAN.prompt });
    });
  });
});
