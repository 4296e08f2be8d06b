import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { roleSchema } from "@/types/api";

/** `MeController.Me`: the signed-in user and the orgs they belong to (personal org first). */
const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  admin: z.boolean(),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});
export type Me = z.infer<typeof meSchema>;

export const meQueryKey = ["me"] as const;

/** `GET /api/v1/me`. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return api.request("/api/v1/me", { schema: meSchema, signal });
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal) });
}
