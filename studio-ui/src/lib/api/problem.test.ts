import { describe, expect, it } from "vitest";
import { ApiError, describeProblem } from "./problem";

describe("describeProblem", () => {
  it("lists each invalid field with what is wrong with it", () => {
    const sentence = describeProblem(
      {
        type: "https://kiln.dev/problems/validation",
        title: "Invalid request",
        detail: "Some fields are invalid: email, monthlyCap.",
        errors: [
          { field: "email", message: "must be a valid email address" },
          { field: "monthlyCap", message: "must be greater than or equal to 0" },
        ],
      },
      400,
    );
    expect(sentence).toBe(
      "Email must be a valid email address; monthly cap must be greater than or equal to 0.",
    );
  });

  it("uses the detail, which Kiln writes as a sentence", () => {
    expect(
      describeProblem(
        { title: "Role required", detail: "This needs the owner role; you are a viewer." },
        403,
      ),
    ).toBe("This needs the owner role; you are a viewer.");
  });

  it("ends a title without a detail with a full stop", () => {
    expect(describeProblem({ title: "Payments are not configured" }, 503)).toBe(
      "Payments are not configured.",
    );
  });

  it("explains a bare status, with the wait of a 429", () => {
    expect(describeProblem(null, 429, 12)).toBe("Too many attempts. Try again in 12 seconds.");
    expect(describeProblem(null, 502)).toBe(
      "Kiln had a problem on its side (HTTP 502). Try again in a moment.",
    );
    expect(describeProblem(null, 0)).toBe(
      "Kiln could not be reached. Check your connection and try again.",
    );
  });
});

describe("ApiError", () => {
  it("exposes the problem's stable slug", () => {
    const error = new ApiError("x", 402, { type: "https://kiln.dev/problems/insufficient-credits" });
    expect(error.slug).toBe("insufficient-credits");
    expect(new ApiError("x", 500).slug).toBeNull();
  });
});
