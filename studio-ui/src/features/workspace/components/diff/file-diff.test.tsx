import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FileDiff } from "./file-diff";
import { parseDiff } from "./parse-diff";

/** As JGit's DiffFormatter writes it for `GET .../versions/{v}/diff`. */
const DIFF = [
  "diff --git a/lib/store.ts b/lib/store.ts",
  "index 3b18e51..a9c4d2f 100644",
  "--- a/lib/store.ts",
  "+++ b/lib/store.ts",
  "@@ -10,4 +10,5 @@ export const store = {",
  "   tasks: [],",
  "-  limit: 10,",
  "+  limit: 20,",
  "+  sort: \"due\",",
  "   owner: null,",
  "\\ No newline at end of file",
  "",
].join("\n");

function rows() {
  const region = screen.getByRole("region", { name: "Changes to lib/store.ts" });
  return Array.from(region.querySelectorAll("[data-kind]"), (row) => ({
    kind: row.getAttribute("data-kind"),
    text: row.textContent,
  }));
}

describe("parseDiff", () => {
  it("numbers each line in the old and the new file and drops git's headers", () => {
    const { lines, added, removed } = parseDiff(DIFF);
    expect(added).toBe(2);
    expect(removed).toBe(1);
    expect(lines.map((line) => [line.kind, line.oldNumber, line.newNumber])).toEqual([
      ["hunk", null, null],
      ["context", 10, 10],
      ["removed", 11, null],
      ["added", null, 11],
      ["added", null, 12],
      ["context", 12, 13],
      ["note", null, null],
    ]);
  });
});

describe("FileDiff", () => {
  it("renders added and removed lines marked, with both line numbers", () => {
    render(<FileDiff path="lib/store.ts" change="modify" diff={DIFF} />);

    expect(screen.getByRole("button", { name: /lib\/store\.ts.*Modified.*2 lines added, 1 removed/ })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    expect(rows()).toEqual([
      { kind: "hunk", text: "@@ -10,4 +10,5 @@ export const store = {" },
      { kind: "context", text: "1010   tasks: []," },
      { kind: "removed", text: "11-removed:   limit: 10," },
      { kind: "added", text: "11+added:   limit: 20," },
      { kind: "added", text: '12+added:   sort: "due",' },
      { kind: "context", text: "1213   owner: null," },
      { kind: "note", text: "No newline at end of file" },
    ]);
  });

  it("collapses and expands a file's diff from its header", async () => {
    const user = userEvent.setup();
    render(<FileDiff path="lib/store.ts" change="modify" diff={DIFF} defaultOpen={false} />);
    const header = screen.getByRole("button", { name: /lib\/store\.ts/ });

    expect(header).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    await user.click(header);
    expect(header).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("region", { name: "Changes to lib/store.ts" })).toBeVisible();
  });
});
