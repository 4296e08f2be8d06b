import { BadgeCheck, CircleX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Version } from "../api/get-versions";

/** Whether a version passed its verified build (typecheck, build and smoke test). */
export function VerificationBadge({ verification }: { verification: Version["verification"] }) {
  if (verification === "verified") {
    return (
      <Badge variant="success">
        <BadgeCheck aria-hidden className="size-3.5" />
        Verified
      </Badge>
    );
  }
  if (verification === "failed") {
    return (
      <Badge variant="destructive">
        <CircleX aria-hidden className="size-3.5" />
        Build failed
      </Badge>
    );
  }
  return <Badge variant="outline">Not built</Badge>;
}
