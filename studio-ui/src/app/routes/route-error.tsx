import { isRouteErrorResponse, useRouteError } from "react-router";
import { CrashScreen } from "@/components/crash-screen";

/** What the router shows when loading or rendering a route failed (a lost chunk, say). */
export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error instanceof Error
      ? error
      : new Error(String(error));
  return <CrashScreen error={shown} />;
}
