import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";

/** What is loading, said in words (and announced), with a spinner. */
export function LoadingState({ label, className }: { label: string; className?: string }) {
  return (
    <div
      role="status"
      className={cn("flex items-center justify-center gap-2 p-8 text-sm text-muted-foreground", className)}
    >
      <Spinner />
      {label}
    </div>
  );
}
