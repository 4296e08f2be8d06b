import { Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useCancelGeneration } from "../../api/cancel-generation";

interface CancelGenerationButtonProps {
  orgId: string;
  projectId: string;
  generationId: string;
}

/** Stops a queued or running generation; its held credits are released. */
export function CancelGenerationButton({ orgId, projectId, generationId }: CancelGenerationButtonProps) {
  const cancel = useCancelGeneration(orgId, projectId);
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        disabled={cancel.isPending}
        onClick={() => {
          cancel.mutate(generationId);
        }}
      >
        <Square aria-hidden />
        {cancel.isPending ? "Cancelling…" : "Cancel generation"}
      </Button>
      {cancel.isError && (
        <p role="alert" className="basis-full text-sm text-destructive">
          {cancel.error.message}
        </p>
      )}
    </>
  );
}
