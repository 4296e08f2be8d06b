import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api, session } from "@/lib/api-client";

/**
 * `POST /api/v1/auth/logout`: revokes this browser's refresh token (and the tokens rotated from
 * it). Other browsers stay signed in: the API has no "log out everywhere".
 */
export async function logOut(): Promise<void> {
  const refreshToken = session.refreshToken();
  try {
    if (refreshToken) {
      await api.request("/api/v1/auth/logout", {
        method: "POST",
        body: { refreshToken },
        schema: z.void(),
        authenticated: false,
      });
    }
  } finally {
    session.end();
  }
}

/** Logs out; the session ends here even when the server cannot be reached. */
export function useLogOut() {
  return useMutation({ mutationFn: logOut });
}
