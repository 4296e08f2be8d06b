import type { z } from "zod";
import { SessionEnded, type Session } from "@/lib/auth/session";
import { jsonInit, read, readBlob, send } from "./http";
import { ApiError } from "./problem";

export interface ApiRequest<T> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Checks the answer; `z.void()` for an empty (204) one. */
  schema: z.ZodType<T>;
  /** False for the public endpoints (sign-up, login): no token is sent or refreshed. */
  authenticated?: boolean;
}

export interface ApiClient {
  /** Calls `path` (from `/api/...`); a failure throws an `ApiError` with a readable message. */
  request<T>(path: string, request: ApiRequest<T>): Promise<T>;
  /**
   * Gets a binary resource of the API (a screenshot) with the bearer token, for pictures an
   * `<img src>` cannot load itself; failures throw like {@link request}'s.
   */
  blob(path: string, options?: { signal?: AbortSignal | undefined }): Promise<Blob>;
}

const BLOB_ACCEPT = { Accept: "image/*, application/problem+json" };

function sessionEnded(): ApiError {
  return new ApiError(new SessionEnded().message, 401);
}

/**
 * The one API client: JSON in and out, the bearer token attached, and a 401 answered by one
 * shared refresh and a single retry. When the refresh token is refused the session ends, which
 * sends the studio to the login page.
 */
export function createApiClient({ baseUrl, session }: { baseUrl: string; session: Session }): ApiClient {
  async function authorised(url: string, request: Omit<ApiRequest<unknown>, "schema">): Promise<Response> {
    const init = (token: string | null) =>
      jsonInit(
        request.method ?? "GET",
        request.body,
        { ...request.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        request.signal,
      );
    try {
      const token = await session.accessToken();
      const response = await send(url, init(token));
      if (response.status !== 401 || token === null) return response;
      return await send(url, init(await session.tokenAfterRejection(token)));
    } catch (error) {
      throw error instanceof SessionEnded ? sessionEnded() : error;
    }
  }

  return {
    async request(path, request) {
      const url = `${baseUrl}${path}`;
      const response =
        request.authenticated === false
          ? await send(url, jsonInit(request.method ?? "GET", request.body, request.headers ?? {}, request.signal))
          : await authorised(url, request);
      return read(response, request.schema);
    },
    async blob(path, options = {}) {
      const response = await authorised(`${baseUrl}${path}`, { headers: BLOB_ACCEPT, signal: options.signal });
      return readBlob(response);
    },
  };
}
