import type { z } from "zod";
import { ApiError, describeProblem, problemSchema, type Problem } from "./problem";

const JSON_TYPES = /^application\/(problem\+)?json\b/i;

async function readProblem(response: Response): Promise<Problem | null> {
  if (!JSON_TYPES.test(response.headers.get("Content-Type") ?? "")) return null;
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function retryAfterSeconds(response: Response): number | null {
  const seconds = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/**
 * The error interceptor: the one place a failed response becomes an {@link ApiError} whose
 * message is a readable sentence (from the RFC 9457 problem when the server sent one).
 */
async function errorFrom(response: Response): Promise<ApiError> {
  const problem = await readProblem(response);
  return new ApiError(
    describeProblem(problem, response.status, retryAfterSeconds(response)),
    response.status,
    problem,
  );
}

/** `fetch`, with a network failure turned into an {@link ApiError} (status 0). Aborts pass. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(describeProblem(null, 0), 0);
  }
}

/** The body of a successful response checked against `schema`; a failed one throws. */
export async function read<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) throw await errorFrom(response);
  const body: unknown = response.status === 204 ? undefined : await response.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      "Kiln answered in a form this studio does not understand. Reload the page; if it persists, the studio and the server are out of step.",
      response.status,
    );
  }
  return parsed.data;
}

/** The body of a successful binary response (an image); a failed one throws. */
export async function readBlob(response: Response): Promise<Blob> {
  if (!response.ok) throw await errorFrom(response);
  return response.blob();
}

/** Request options shared by every call: JSON in, JSON (or problem JSON) out. */
export function jsonInit(
  method: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
): RequestInit {
  const init: RequestInit = {
    method,
    headers: {
      Accept: "application/json, application/problem+json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  return init;
}
