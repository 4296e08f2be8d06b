import { Navigate, Outlet, useSearchParams } from "react-router";
import { safeNext } from "@/config/paths";
import { useSessionStatus } from "@/lib/auth/use-session-status";

/** Login and sign-up pages; once signed in, the user goes on to `?next=` (or the start page). */
export function GuestOnly() {
  const status = useSessionStatus();
  const [params] = useSearchParams();
  if (status === "signed-in") return <Navigate to={safeNext(params.get("next"))} replace />;
  return <Outlet />;
}
