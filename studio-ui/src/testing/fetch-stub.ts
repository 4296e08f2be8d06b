import { vi } from "vitest";

/** A request as the stubbed `fetch` saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/me`. */
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** An RFC 9457 answer, as Kiln's ProblemHandler writes it. */
export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

/**
 * Replaces `fetch` with handlers keyed by "METHOD /path?query"; a request no handler knows fails
 * the test. Returns every request seen, in order.
 */
export function stubFetch(routes: Record<string, Handler>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input), "http://studio.test");
      const request: SeenRequest = {
        method: init.method ?? "GET",
        path: url.pathname + url.search,
        headers: new Headers(init.headers),
        body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
      };
      seen.push(request);
      const handler = routes[`${request.method} ${request.path}`];
      if (!handler) throw new Error(`Unexpected request: ${request.method} ${request.path}`);
      return handler(request);
    }),
  );
  return seen;
}
