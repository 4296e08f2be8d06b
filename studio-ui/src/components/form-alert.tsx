import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** A failed submission's message (already a sentence, from the API's problem), or nothing. */
export function FormAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert variant="destructive">
      <CircleAlert aria-hidden />
      <AlertDescription>{error.message}</AlertDescription>
    </Alert>
  );
}
