import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { CurrentOrgContext, type CurrentOrg } from "@/lib/current-org";

interface Options {
  /** The URL the test starts at; `path` is the route pattern rendering `ui`. */
  route?: string;
  path?: string;
  /** Renders `ui` as a page of this org, with this role. */
  org?: CurrentOrg;
}

/** Renders `ui` with a fresh query client (no retries) in a memory router. */
export function renderPage(ui: ReactElement, { route = "/", path = "/", org }: Options = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const page = org ? <CurrentOrgContext value={org}>{ui}</CurrentOrgContext> : ui;
  const router = createMemoryRouter(
    [
      { path, element: page },
      { path: "*", element: <p>Elsewhere</p> },
    ],
    { initialEntries: [route] },
  );
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient, user };
}
