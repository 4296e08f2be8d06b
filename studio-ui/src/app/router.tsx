import { createBrowserRouter, Navigate } from "react-router";
import { LoadingState } from "@/components/states/loading-state";
import { AppShell } from "./layout/app-shell";
import { GuestOnly } from "./routes/guest-only";
import { HomeRedirect } from "./routes/home-redirect";
import { NotFoundRoute } from "./routes/not-found";
import { OrgLayout } from "./routes/org-layout";
import { RequireAuth } from "./routes/require-auth";
import { RouteError } from "./routes/route-error";
import { SessionGate } from "./routes/session-gate";

/**
 * The studio's routes. Pages load on demand; the layouts (session, auth, shell, org) are in the
 * main bundle. The current org is always in the URL: `/orgs/:org/...`.
 */
export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingState label="Loading the studio…" className="min-h-screen" />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: "login", lazy: async () => ({ Component: (await import("./routes/login")).LoginRoute }) },
          { path: "signup", lazy: async () => ({ Component: (await import("./routes/signup")).SignupRoute }) },
        ],
      },
      {
        path: "invitations/:token",
        lazy: async () => ({ Component: (await import("./routes/invitation")).InvitationRoute }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: "account",
                lazy: async () => ({ Component: (await import("./routes/account")).AccountRoute }),
              },
              {
                path: "orgs/:org",
                element: <OrgLayout />,
                children: [
                  { index: true, element: <Navigate to="projects" replace /> },
                  {
                    path: "projects",
                    lazy: async () => ({ Component: (await import("./routes/projects")).ProjectsRoute }),
                  },
                  {
                    path: "projects/:project",
                    handle: { fullBleed: true },
                    lazy: async () => ({ Component: (await import("./routes/project")).ProjectRoute }),
                  },
                  {
                    path: "members",
                    lazy: async () => ({ Component: (await import("./routes/members")).MembersRoute }),
                  },
                  {
                    path: "credits",
                    lazy: async () => ({ Component: (await import("./routes/credits")).CreditsRoute }),
                  },
                ],
              },
              { path: "*", element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
