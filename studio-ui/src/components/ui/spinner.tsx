import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";

/** A decorative spinner; say what is loading in text next to it. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle aria-hidden className={cn("size-4 shrink-0 animate-spin", className)} />;
}
