import { useQuery } from "@tanstack/react-query";
import { Outlet } from "react-router";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { session } from "@/lib/api-client";
import { useSessionStatus } from "@/lib/auth/use-session-status";

/**
 * After a reload the access token is gone: a stored refresh token is exchanged for a new one
 * before any page renders, so pages never see a half-restored session.
 */
export function SessionGate() {
  const status = useSessionStatus();
  const restore = useQuery({
    queryKey: ["session", "restore"],
    queryFn: async () => {
      await session.restore();
      return true;
    },
    enabled: status === "restoring",
    retry: false,
    gcTime: 0,
  });

  if (status !== "restoring") return <Outlet />;
  if (restore.isError) {
    return (
      <main className="mx-auto max-w-xl p-10">
        <ErrorState title="Your session could not be restored" error={restore.error} onRetry={() => void restore.refetch()} />
      </main>
    );
  }
  return <LoadingState label="Signing you in…" className="min-h-screen" />;
}
