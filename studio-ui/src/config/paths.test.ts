import { describe, expect, it } from "vitest";
import { paths, safeNext } from "./paths";

describe("safeNext", () => {
  it("keeps a path of the studio", () => {
    expect(safeNext("/orgs/o1/credits?checkout=success")).toBe("/orgs/o1/credits?checkout=success");
  });

  it("never sends the user to another site after logging in", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", null]) {
      expect(safeNext(next)).toBe("/");
    }
  });

  it("round-trips through the login link", () => {
    const login = new URL(paths.login("/invitations/a-B_9?x=1"), "http://studio.test");
    expect(safeNext(login.searchParams.get("next"))).toBe("/invitations/a-B_9?x=1");
  });
});
