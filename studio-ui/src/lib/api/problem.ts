import { z } from "zod";

/** Every Kiln problem type is a URI under this base; the rest is its stable slug. */
const TYPE_BASE = "https://kiln.dev/problems/";

/** An RFC 9457 problem as Kiln sends it (`application/problem+json`); extra members are kept. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** A failed API call, its message a sentence a person can read and act on. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer arrived. */
    readonly status: number,
    readonly problem: Problem | null = null,
  ) {
    super(message);
  }

  /** The problem's stable slug (`insufficient-credits`, `role-required`...), if it has one. */
  get slug(): string | null {
    const type = this.problem?.type;
    return type?.startsWith(TYPE_BASE) ? type.slice(TYPE_BASE.length) : null;
  }
}

/** `monthlyCap` → `monthly cap`, `members[0].email` → `members[0] email`. */
function humanField(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/\./g, " ").toLowerCase();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function byStatus(status: number, retryAfterSeconds: number | null): string {
  if (status === 0) return "Kiln could not be reached. Check your connection and try again.";
  if (status === 401) return "Your session has ended. Log in again.";
  if (status === 403) return "You are not allowed to do this.";
  if (status === 404) return "This was not found, or you do not have access to it.";
  if (status === 413) return "This is too large to send.";
  if (status === 429) {
    return retryAfterSeconds === null
      ? "Too many attempts. Try again in a moment."
      : `Too many attempts. Try again in ${retryAfterSeconds} seconds.`;
  }
  if (status >= 500) return `Kiln had a problem on its side (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

/**
 * The one sentence to show for a failed response: the fields and what is wrong with each for a
 * validation problem, else the problem's detail, else its title, else what the status means.
 */
export function describeProblem(
  problem: Problem | null,
  status: number,
  retryAfterSeconds: number | null = null,
): string {
  const errors = problem?.errors ?? [];
  if (errors.length > 0) {
    return sentence(errors.map((e) => `${humanField(e.field)} ${e.message}`).join("; "));
  }
  if (problem?.detail) return sentence(problem.detail);
  if (problem?.title) return sentence(problem.title);
  return byStatus(status, retryAfterSeconds);
}
