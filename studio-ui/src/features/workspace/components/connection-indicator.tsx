import { useLiveConnection, type ConnectionStatus } from "@/lib/live-events";
import { cn } from "@/lib/utils";

const LABELS: Record<ConnectionStatus, string> = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const DOT: Record<ConnectionStatus, string> = {
  idle: "bg-muted-foreground",
  connecting: "bg-warning animate-pulse",
  connected: "bg-success",
  reconnecting: "bg-warning animate-pulse",
  offline: "bg-destructive",
};

const HINTS: Record<ConnectionStatus, string> = {
  idle: "Live updates are off.",
  connecting: "Opening the live updates connection.",
  connected: "Generations, builds and the preview update as they happen.",
  reconnecting: "The live connection dropped; reconnecting. Nothing is missed: updates resume where they stopped.",
  offline: "Your browser is offline. Live updates resume when the network is back.",
};

/** Whether live events arrive: connected, reconnecting or offline, announced when it changes. */
export function ConnectionIndicator() {
  const status = useLiveConnection();
  return (
    <p
      role="status"
      title={HINTS[status]}
      className="inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap"
    >
      <span aria-hidden className={cn("size-2 rounded-full", DOT[status])} />
      <span>
        <span className="sr-only">Live updates: </span>
        {LABELS[status]}
      </span>
    </p>
  );
}
