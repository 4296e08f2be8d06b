import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

/**
 * `GET .../versions/{v}/screenshots/{n}`: a smoke-test screenshot (PNG) as a blob, fetched with the
 * bearer token that an `<img src>` could not send. A version's screenshots never change.
 */
export function useScreenshot(url: string | undefined) {
  return useQuery({
    queryKey: ["screenshots", url],
    queryFn: ({ signal }) => api.blob(url ?? "", { signal }),
    enabled: url !== undefined,
    staleTime: Infinity,
  });
}
