import { useEffect, useRef } from "react";
import { Link, Outlet, useLocation, useMatch, useMatches } from "react-router";
import { CrashScreen } from "@/components/crash-screen";
import { ErrorBoundary } from "@/components/error-boundary";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { paths } from "@/config/paths";
import { UserMenu } from "@/features/auth/components/user-menu";
import { OrgSwitcher } from "@/features/orgs/components/org-switcher";
import { cn } from "@/lib/utils";
import { MainNav } from "./main-nav";

/** Moves focus to the page's content after each navigation, so screen readers start there. */
function useFocusOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

/** A route with `handle: { fullBleed: true }` fills the window below the header (the workspace). */
function useFullBleed(): boolean {
  return useMatches().some(
    ({ handle }) => typeof handle === "object" && handle !== null && "fullBleed" in handle && handle.fullBleed === true,
  );
}

/** The signed-in frame: org switcher, the org's sections, theme and account; the page below. */
export function AppShell() {
  const orgId = useMatch("/orgs/:org/*")?.params.org;
  const { pathname } = useLocation();
  const main = useFocusOnNavigation();
  const fullBleed = useFullBleed();
  return (
    <div className={cn("flex flex-col", fullBleed ? "h-dvh" : "min-h-screen")}>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:ring-2 focus:ring-ring"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
        <div className="flex h-14 items-center gap-4 px-6">
          <Link to={paths.home()} className="rounded-sm font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring">
            Kiln
          </Link>
          <OrgSwitcher currentOrgId={orgId} />
          {orgId && <MainNav orgId={orgId} />}
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
      </header>
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className={cn(
          "w-full flex-1 outline-none",
          fullBleed ? "min-h-0 overflow-hidden" : "mx-auto max-w-7xl px-6 py-8",
        )}
      >
        <ErrorBoundary key={pathname} fallback={(error, reset) => <CrashScreen error={error} onRetry={reset} />}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
