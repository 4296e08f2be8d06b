import { z } from "zod";
import { jsonInit, read, send } from "@/lib/api/http";
import type { Tokens } from "./session";

/** `AuthController.Tokens`: what sign-up, login and refresh answer. */
export const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().positive(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), admin: z.boolean() }),
});

/**
 * `POST /api/v1/auth/refresh`: the rotated pair, or null when the server refuses the refresh
 * token (400 or 401: used, expired or revoked). Other failures throw.
 */
export async function refreshTokens(baseUrl: string, refreshToken: string): Promise<Tokens | null> {
  const response = await send(
    `${baseUrl}/api/v1/auth/refresh`,
    jsonInit("POST", { refreshToken }, {}, undefined),
  );
  if (response.status === 400 || response.status === 401) return null;
  return read(response, tokensSchema);
}
