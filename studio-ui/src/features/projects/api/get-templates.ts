import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";

export const templateSchema = z.object({
  kind: z.string(),
  label: z.string(),
  entities: z.array(z.string()),
  prompt: z.string(),
});

export type Template = z.infer<typeof templateSchema>;

/** `GET /api/v1/templates`: the kinds of app the template engine knows, each with its prompt. */
export function getTemplates(signal?: AbortSignal) {
  return api.request("/api/v1/templates", { schema: z.array(templateSchema), signal });
}

export function useTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ["templates"],
    queryFn: ({ signal }) => getTemplates(signal),
    enabled,
    staleTime: Infinity,
  });
}
