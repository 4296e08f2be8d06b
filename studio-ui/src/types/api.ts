import { z } from "zod";

/** Values the API shares between endpoints; each endpoint's own shapes live next to its fetcher. */

export const instantSchema = z.iso.datetime({ offset: true });

/** A member's role in an org, weakest first: each role may do what the ones before it may. */
export const roleSchema = z.enum(["viewer", "editor", "owner"]);
export type Role = z.infer<typeof roleSchema>;
export const ROLES: readonly Role[] = roleSchema.options;

/** True when `role` may do what `required` may (the server's `Role.atLeast`). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** `Projects.Project`: a project and its current version (`head`, null until the first one). */
export const projectSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  head: z.string().nullable(),
  manifestSha: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;
