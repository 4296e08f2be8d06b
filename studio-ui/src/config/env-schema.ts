import { z } from "zod";

const envSchema = z.object({
  VITE_API_BASE_URL: z
    .union([z.literal(""), z.url({ protocol: /^https?$/ })])
    .default("")
    .transform((url) => url.replace(/\/+$/, "")),
});

/** The studio's settings, from Vite's environment. */
export interface Env {
  /** The API's origin without a trailing slash; empty for the origin that served the studio. */
  readonly apiBaseUrl: string;
}

export type EnvCheck = { ok: true; env: Env } | { ok: false; message: string };

/** Validates the environment; a failure names every bad variable. Has no side effects. */
export function checkEnv(raw: Record<string, unknown>): EnvCheck {
  const result = envSchema.safeParse(raw);
  return result.success
    ? { ok: true, env: { apiBaseUrl: result.data.VITE_API_BASE_URL } }
    : { ok: false, message: z.prettifyError(result.error) };
}
