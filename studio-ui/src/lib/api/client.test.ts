import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { json, problem, stubFetch } from "@/testing/fetch-stub";
import { createApiClient } from "./client";
import { ApiError } from "./problem";
import { createSession, type Tokens } from "../auth/session";

const TOKENS: Tokens = { accessToken: "access-1", refreshToken: "refresh-1", expiresIn: 900 };

function client(refresh: (token: string) => Promise<Tokens | null>) {
  const session = createSession({ storage: localStorage, refresh });
  const api = createApiClient({ baseUrl: "", session });
  return { session, api };
}

const echo = z.object({ who: z.string() });

afterEach(() => {
  localStorage.clear();
});

describe("the error interceptor", () => {
  it("turns a ProblemDetail into an ApiError whose message is the readable sentence", async () => {
    stubFetch({
      "POST /api/v1/orgs/o1/projects": () =>
        problem(402, {
          type: "https://kiln.dev/problems/insufficient-credits",
          title: "Not enough credits",
          detail: "This needs 10 credits; 4 are available.",
          needed: 10,
          available: 4,
        }),
    });
    const { api } = client(() => Promise.resolve(null));

    const failure = api.request("/api/v1/orgs/o1/projects", { method: "POST", body: {}, schema: echo });

    await expect(failure).rejects.toThrow("This needs 10 credits; 4 are available.");
    await expect(failure).rejects.toMatchObject({ status: 402, slug: "insufficient-credits" });
  });

  it("explains an answer that is not a problem (a proxy's HTML page) by its status", async () => {
    stubFetch({
      "GET /api/v1/me": () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });
    const { api } = client(() => Promise.resolve(null));

    await expect(api.request("/api/v1/me", { schema: echo })).rejects.toThrow(
      "Kiln had a problem on its side (HTTP 502). Try again in a moment.",
    );
  });

  it("refuses a successful answer of an unexpected shape instead of passing it on", async () => {
    stubFetch({ "GET /api/v1/me": () => json(200, { whom: "alice" }) });
    const { api } = client(() => Promise.resolve(null));

    await expect(api.request("/api/v1/me", { schema: echo })).rejects.toBeInstanceOf(ApiError);
  });
});

describe("refreshing an expired access token", () => {
  it("answers concurrent 401s with one refresh and retries each call with the new token", async () => {
    let refreshes = 0;
    let releaseRefresh: (() => void) | undefined;
    const refreshed = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const seen = stubFetch({
      "GET /api/v1/me": ({ headers }) =>
        headers.get("Authorization") === "Bearer access-2"
          ? json(200, { who: "alice" })
          : problem(401, { title: "Unauthorized", detail: "The access token is invalid or expired." }),
    });
    const { api, session } = client(async (token) => {
      refreshes += 1;
      expect(token).toBe("refresh-1");
      await refreshed;
      return { accessToken: "access-2", refreshToken: "refresh-2", expiresIn: 900 };
    });
    session.start(TOKENS);

    const calls = [1, 2, 3].map(() => api.request("/api/v1/me", { schema: echo }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    releaseRefresh?.();

    await expect(Promise.all(calls)).resolves.toEqual([{ who: "alice" }, { who: "alice" }, { who: "alice" }]);
    expect(refreshes).toBe(1);
    expect(seen.filter((r) => r.headers.get("Authorization") === "Bearer access-2")).toHaveLength(3);
    expect(localStorage.getItem("kiln.refreshToken")).toBe("refresh-2");
  });

  it("does not refresh again for a 401 on a token another call already replaced", async () => {
    let refreshes = 0;
    stubFetch({
      "GET /api/v1/me": ({ headers }) =>
        headers.get("Authorization") === "Bearer access-2" ? json(200, { who: "alice" }) : problem(401, {}),
    });
    const { api, session } = client(() => {
      refreshes += 1;
      return Promise.resolve({ accessToken: "access-2", refreshToken: "refresh-2", expiresIn: 900 });
    });
    session.start(TOKENS);

    await api.request("/api/v1/me", { schema: echo });
    await expect(session.tokenAfterRejection("access-1")).resolves.toBe("access-2");
    expect(refreshes).toBe(1);
  });

  it("ends the session when the refresh token is refused, so the studio goes to the login page", async () => {
    stubFetch({ "GET /api/v1/me": () => problem(401, { title: "Unauthorized" }) });
    const { api, session } = client(() => Promise.resolve(null));
    session.start(TOKENS);

    await expect(api.request("/api/v1/me", { schema: echo })).rejects.toMatchObject({
      status: 401,
      message: "Your session has ended. Log in again.",
    });
    expect(session.status()).toBe("signed-out");
    expect(localStorage.getItem("kiln.refreshToken")).toBeNull();
  });
});

describe("binary resources", () => {
  it("gets a screenshot with the bearer token, and turns a refusal into a readable ApiError", async () => {
    stubFetch({
      "GET /api/v1/orgs/o1/projects/p1/versions/v1/screenshots/1": ({ headers }) =>
        new Response(headers.get("Authorization"), { headers: { "Content-Type": "image/png" } }),
      "GET /api/v1/orgs/o1/projects/p1/versions/v1/screenshots/9": () =>
        problem(404, { title: "Screenshot not found", detail: "This version has no smoke-test screenshot with this number." }),
    });
    const { api, session } = client(() => Promise.resolve(null));
    session.start(TOKENS);

    const shot = await api.blob("/api/v1/orgs/o1/projects/p1/versions/v1/screenshots/1");
    expect(shot.type).toBe("image/png");
    await expect(shot.text()).resolves.toBe("Bearer access-1");
    await expect(api.blob("/api/v1/orgs/o1/projects/p1/versions/v1/screenshots/9")).rejects.toMatchObject({
      status: 404,
      message: "This version has no smoke-test screenshot with this number.",
    });
  });
});
