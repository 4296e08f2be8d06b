import { zodResolver } from "@hookform/resolvers/zod";
import { Coins, SendHorizontal } from "lucide-react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { formatCredits } from "@/lib/format";
import { useGenerationEstimate } from "@/lib/generation-estimate";
import { changePromptSchema, useCreateGeneration, type ChangePrompt } from "../../api/create-generation";

interface PromptFormProps {
  orgId: string;
  projectId: string;
  /** A generation is queued or running: the server would refuse another (409). */
  busy: boolean;
  /** The new generation started: its id. */
  onStarted: (generationId: string) => void;
}

function Estimate({ estimate }: { estimate: ReturnType<typeof useGenerationEstimate> }) {
  if (estimate.isPending) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <Spinner />
        Checking the cost…
      </span>
    );
  }
  if (estimate.isError) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2 text-destructive">
        The cost could not be checked: {estimate.error.message}
        <Button variant="outline" size="sm" onClick={() => void estimate.refetch()}>
          Check again
        </Button>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <Coins aria-hidden className="size-3.5 shrink-0" />
      Estimated cost: {formatCredits(estimate.data.credits)}, held when it starts and charged only if it succeeds.
    </span>
  );
}

/** The follow-up prompt: what to change, with what it costs shown before sending. */
export function PromptForm({ orgId, projectId, busy, onStarted }: PromptFormProps) {
  const estimate = useGenerationEstimate(orgId, true);
  const create = useCreateGeneration(orgId, projectId);
  const { register, handleSubmit, formState, reset } = useForm<ChangePrompt>({
    resolver: zodResolver(changePromptSchema),
    defaultValues: { prompt: "" },
  });
  const submit = handleSubmit((values) => {
    create.mutate(values, {
      onSuccess: ({ id }) => {
        reset();
        onStarted(id);
      },
    });
  });
  const error = formState.errors.prompt?.message;
  const disabled = busy || !estimate.isSuccess || create.isPending;

  return (
    <form noValidate className="grid grid-cols-1 gap-2 border-t bg-background p-3" onSubmit={(event) => void submit(event)}>
      <FormAlert error={create.error} />
      <Label htmlFor="change-prompt">Ask for a change</Label>
      <Textarea
        id="change-prompt"
        rows={3}
        className="min-h-20 resize-y"
        placeholder="For example: add a due date to tasks"
        aria-invalid={error ? true : undefined}
        aria-describedby="change-prompt-help"
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            if (!disabled) void submit();
          }
        }}
        {...register("prompt")}
      />
      <div id="change-prompt-help" className="grid grid-cols-1 gap-1 text-xs text-muted-foreground">
        {error && <p className="text-sm text-destructive">{error}</p>}
        {busy && <p>A generation is running: wait for it to finish, or cancel it, before asking for another change.</p>}
        <p role="status">
          <Estimate estimate={estimate} />
        </p>
      </div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted-foreground">Ctrl+Enter sends</span>
        <Button type="submit" size="sm" disabled={disabled}>
          <SendHorizontal aria-hidden />
          {create.isPending ? "Sending…" : "Send"}
        </Button>
      </div>
    </form>
  );
}
