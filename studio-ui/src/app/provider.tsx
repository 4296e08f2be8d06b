import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { CrashScreen } from "@/components/crash-screen";
import { ErrorBoundary } from "@/components/error-boundary";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { session } from "@/lib/api-client";
import { createQueryClient } from "@/lib/query-client";

/** Whatever was cached for one user must not be shown to the next: drop it on signing out. */
function useClearOnSignOut(queryClient: QueryClient) {
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.status() === "signed-out") queryClient.clear();
      }),
    [queryClient],
  );
}

/** Error boundary, theme and server state around the whole studio. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useClearOnSignOut(queryClient);
  return (
    <ErrorBoundary fallback={(error, reset) => <CrashScreen error={error} onRetry={reset} />}>
      <ThemeProvider>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ThemeProvider>
    </ErrorBoundary>
  );
}
