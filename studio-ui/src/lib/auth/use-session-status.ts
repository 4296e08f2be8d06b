import { useSyncExternalStore } from "react";
import { session } from "@/lib/api-client";
import type { SessionStatus } from "./session";

/** The session's status, re-rendering when the user signs in or out (in any tab). */
export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(session.subscribe, session.status);
}
