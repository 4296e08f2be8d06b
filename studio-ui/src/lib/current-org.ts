import { createContext, useContext } from "react";
import type { Role } from "@/types/api";

/** The org the URL names (`/orgs/:org/...`) and the signed-in user's role in it. */
export interface CurrentOrg {
  id: string;
  name: string;
  role: Role;
}

/** Provided by the org layout route once it has checked the user is a member. */
export const CurrentOrgContext = createContext<CurrentOrg | null>(null);

/** The current org; only under `/orgs/:org`, where the org layout provides it. */
export function useCurrentOrg(): CurrentOrg {
  const org = useContext(CurrentOrgContext);
  if (!org) throw new Error("useCurrentOrg() needs the org layout route above it");
  return org;
}
