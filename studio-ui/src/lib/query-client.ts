import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/problem";

/** A 4xx will not change on a retry; network failures and 5xx get two more tries. */
function retry(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry },
      mutations: { retry: false },
    },
  });
}
