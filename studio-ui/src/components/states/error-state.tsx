import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface ErrorStateProps {
  /** What could not be done, e.g. "Projects could not be loaded". */
  title: string;
  error: Error;
  /** Offered as a "Try again" button. */
  onRetry?: () => void;
}

/** A failure shown where the content would be; the message comes from the API's problem. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  return (
    <Alert variant="destructive">
      <CircleAlert aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        {onRetry && (
          <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={onRetry}>
            Try again
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}
