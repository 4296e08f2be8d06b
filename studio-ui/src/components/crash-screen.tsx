import { Button } from "@/components/ui/button";

interface CrashScreenProps {
  error: Error;
  /** Renders the page again; absent when only a reload can help. */
  onRetry?: () => void;
}

/** The page shown when the studio itself failed: what happened and a way out. */
export function CrashScreen({ error, onRetry }: CrashScreenProps) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 p-10" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong in the studio</h1>
      <p className="text-muted-foreground">
        This page hit an error it could not recover from. Your work on the server is safe.
      </p>
      <pre className="overflow-x-auto rounded-md bg-muted p-3 text-sm">{error.message}</pre>
      <div className="flex gap-2">
        {onRetry && <Button onClick={onRetry}>Try again</Button>}
        <Button variant="outline" onClick={() => { window.location.assign("/"); }}>
          Go to the start page
        </Button>
      </div>
    </main>
  );
}
