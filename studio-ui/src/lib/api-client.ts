import { env } from "@/config/env";
import { createApiClient } from "@/lib/api/client";
import { refreshTokens } from "@/lib/auth/refresh";
import { createSession, REFRESH_TOKEN_KEY } from "@/lib/auth/session";

/** The browser's session: the refresh token in localStorage, shared by the origin's tabs. */
export const session = createSession({
  storage: window.localStorage,
  refresh: (token) => refreshTokens(env.apiBaseUrl, token),
  locks: "locks" in navigator ? navigator.locks : undefined,
});

// Logging out in another tab removes the shared refresh token: follow it here too.
window.addEventListener("storage", (event) => {
  if (event.key === REFRESH_TOKEN_KEY && event.newValue === null && session.status() === "signed-in") {
    session.end();
  }
});

/** The studio's one API client; every endpoint file calls the API through it. */
export const api = createApiClient({ baseUrl: env.apiBaseUrl, session });
