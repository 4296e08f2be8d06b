import type { ReactNode } from "react";
import { roleAtLeast, type Role } from "@/types/api";
import { useCurrentOrg } from "./current-org";

interface AuthorizationProps {
  /** The weakest role allowed, as the server checks it (`@RequiresRole`): stronger roles pass. */
  requires: Role;
  children: ReactNode;
  /** What the others see instead; nothing by default. */
  fallback?: ReactNode;
}

/**
 * The one place the studio decides what a role may see in the current org. It only hides what
 * would be refused: the server still checks every request.
 */
export function Authorization({ requires, children, fallback = null }: AuthorizationProps) {
  const { role } = useCurrentOrg();
  return <>{roleAtLeast(role, requires) ? children : fallback}</>;
}
