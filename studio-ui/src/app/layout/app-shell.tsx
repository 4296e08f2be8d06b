import { useEffect, useRef } from "react";
import { Link, Outlet, useLocation, useMatch } from "react-router";
import { CrashScreen } from "@/components/crash-screen";
import { ErrorBoundary } from "@/components/error-boundary";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { paths } from "@/config/paths";
import { UserMenu } from "@/features/auth/components/user-menu";
import { OrgSwitcher } from "@/features/orgs/components/org-switcher";
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

/** The signed-in frame: org switcher, the org's sections, theme and account; the page below. */
export function AppShell() {
  const orgId = useMatch("/orgs/:org/*")?.params.org;
  const { pathname } = useLocation();
  const main = useFocusOnNavigation();
  return (
    <div className="flex min-h-screen flex-col">
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
      <main id="main" ref={main} tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-6 py-8 outline-none">
        <ErrorBoundary key={pathname} fallback={(error, reset) => <CrashScreen error={error} onRetry={reset} />}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
