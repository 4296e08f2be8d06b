import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { ApiError } from "@/lib/api/problem";
import { api } from "@/lib/api-client";
import { instantSchema } from "@/types/api";
import { projectApi, versionQueryKey } from "./project-api";

/** One page the smoke test opened (`kiln/smoke.mjs`). */
const smokePageSchema = z.object({
  path: z.string(),
  /** The HTTP status it answered; 0 when it did not load. */
  status: z.number(),
  ok: z.boolean(),
  problems: z.array(z.string()),
});
export type SmokePage = z.infer<typeof smokePageSchema>;

/** A screenshot is fetched with the bearer token, so only a path of this API is accepted. */
const apiPathSchema = z.string().regex(/^\/api\/v1\/[^?#]*$/);

/** `VersionController.VerificationView`. */
const verificationSchema = z.object({
  version: z.string(),
  verified: z.boolean(),
  /** The last step that ran: `typecheck`, `build` or `smoke`. */
  step: z.string().nullable(),
  errors: z.array(z.string()),
  /** The smoke test's report; null when it did not run. */
  report: z.object({ pages: z.array(smokePageSchema) }).nullable(),
  checkedAt: instantSchema,
  /** API URLs of the screenshots, in page order. */
  screenshots: z.array(apiPathSchema),
});
export type Verification = z.infer<typeof verificationSchema>;

export const verificationQueryKey = (orgId: string, projectId: string, version: string) =>
  [...versionQueryKey(orgId, projectId, version), "verification"] as const;

/**
 * `GET .../versions/{v}/verification`: what the verified build found; null while the version has
 * not been through it (404 `version-not-checked`).
 */
export async function getVerification(
  orgId: string,
  projectId: string,
  version: string,
  signal?: AbortSignal,
): Promise<Verification | null> {
  try {
    return await api.request(
      `${projectApi(orgId, projectId)}/versions/${encodeURIComponent(version)}/verification`,
      { schema: verificationSchema, signal },
    );
  } catch (error) {
    if (error instanceof ApiError && error.slug === "version-not-checked") return null;
    throw error;
  }
}

/** `version` null (or `enabled` false) fetches nothing. */
export function useVerification(orgId: string, projectId: string, version: string | null, enabled = true) {
  return useQuery({
    queryKey: verificationQueryKey(orgId, projectId, version ?? ""),
    queryFn: ({ signal }) => getVerification(orgId, projectId, version ?? "", signal),
    enabled: enabled && version !== null,
  });
}

/** The page a screenshot shows: its URL ends with the page's 1-based place in the report. */
export function screenshotPage(verification: Verification, url: string): SmokePage | undefined {
  const ordinal = /\/screenshots\/(\d+)$/.exec(url)?.[1];
  return ordinal === undefined ? undefined : verification.report?.pages[Number(ordinal) - 1];
}
