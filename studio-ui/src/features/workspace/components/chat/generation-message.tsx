import { Activity } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Authorization } from "@/lib/authorization";
import { formatCredits, formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { CancelGenerationButton } from "./cancel-generation-button";
import { GenerationStatusBadge } from "./generation-status-badge";
import { isActive, type Generation } from "../../api/get-generations";
import { ScrollText } from "../scroll-text";

interface GenerationMessageProps {
  orgId: string;
  projectId: string;
  generation: Generation;
  /** The number of the version it produced, when the versions are known. */
  versionNumber: number | undefined;
  selected: boolean;
  onSelect: () => void;
}

function charge(generation: Generation): string {
  if (isActive(generation)) return `${formatCredits(generation.estimate)} held`;
  if (generation.charged === null || generation.charged === 0) return "Not charged";
  return `Charged ${formatCredits(generation.charged)}`;
}

/** One turn of the conversation: the prompt, then what Kiln made of it. */
export function GenerationMessage({ orgId, projectId, generation, versionNumber, selected, onSelect }: GenerationMessageProps) {
  const { prompt, status, stage, version, error } = generation;
  return (
    <li className="grid grid-cols-1 gap-2">
      <div className="ml-auto max-w-[90%] rounded-2xl rounded-br-sm bg-primary px-3 py-2 text-sm text-primary-foreground">
        <p className="whitespace-pre-wrap break-words">
          <span className="sr-only">Prompt: </span>
          {prompt}
        </p>
        <p className="mt-1 text-xs opacity-80">{formatDateTime(generation.createdAt)}</p>
      </div>
      <article
        aria-label={`Generation of ${formatDateTime(generation.createdAt)}`}
        className={cn("grid grid-cols-1 gap-2 rounded-2xl rounded-bl-sm border bg-card p-3 text-sm", selected && "border-ring ring-1 ring-ring")}
      >
        <div className="flex flex-wrap items-center gap-2">
          <GenerationStatusBadge status={status} />
          {status === "running" && stage && <span className="text-muted-foreground">Stage: {stage}</span>}
          {version && (
            <span>{versionNumber === undefined ? `Version ${version.slice(0, 7)}` : `Version ${versionNumber}`}</span>
          )}
          <span className="text-muted-foreground">{charge(generation)}</span>
        </div>
        {error && <ScrollText label={`What went wrong in the generation of ${formatDateTime(generation.createdAt)}`} text={error} className="max-h-32 border-destructive/30 bg-destructive/10 text-destructive" />}
        <div className="flex flex-wrap items-center gap-2">
          <Button variant={selected ? "secondary" : "ghost"} size="sm" aria-pressed={selected} onClick={onSelect}>
            <Activity aria-hidden />
            Pipeline
            <span className="sr-only"> of the generation of {formatDateTime(generation.createdAt)}</span>
          </Button>
          {isActive(generation) && (
            <Authorization requires="editor">
              <CancelGenerationButton orgId={orgId} projectId={projectId} generationId={generation.id} />
            </Authorization>
          )}
        </div>
      </article>
    </li>
  );
}
