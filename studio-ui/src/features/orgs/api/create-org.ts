import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth/me";
import { nameSchema } from "@/lib/validation";
import { instantSchema, roleSchema } from "@/types/api";

export const createOrgInputSchema = z.object({ name: nameSchema });
export type CreateOrgInput = z.infer<typeof createOrgInputSchema>;

/** `Organizations.Org`. */
const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  createdAt: instantSchema,
  role: roleSchema,
});

/** `POST /api/v1/orgs`: a new org the caller owns. */
export function createOrg(input: CreateOrgInput) {
  return api.request("/api/v1/orgs", { method: "POST", body: input, schema: orgSchema });
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrg,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
