import { Navigate, Outlet, useLocation } from "react-router";
import { paths } from "@/config/paths";
import { useSessionStatus } from "@/lib/auth/use-session-status";

/** Signed-out visitors (or sessions that just ended) go to the login page, then come back. */
export function RequireAuth() {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === "signed-in") return <Outlet />;
  return <Navigate to={paths.login(location.pathname + location.search)} replace />;
}
