import { Badge } from "@/components/ui/badge";
import type { GenerationStatus } from "../../api/get-generations";

const LOOK: Record<GenerationStatus, { label: string; variant: "outline" | "warning" | "success" | "destructive" | "secondary" }> = {
  queued: { label: "Queued", variant: "outline" },
  running: { label: "Running", variant: "warning" },
  succeeded: { label: "Succeeded", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  cancelled: { label: "Cancelled", variant: "secondary" },
};

export function GenerationStatusBadge({ status }: { status: GenerationStatus }) {
  const { label, variant } = LOOK[status];
  return <Badge variant={variant}>{label}</Badge>;
}
