import { MessagesSquare } from "lucide-react";
import { useEffect, useRef } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Authorization } from "@/lib/authorization";
import { GenerationMessage } from "./generation-message";
import { PromptForm } from "./prompt-form";
import { isActive, useGenerations } from "../../api/get-generations";
import { useVersions } from "../../api/get-versions";
import { PaneHeader } from "../pane-header";

interface ChatPanelProps {
  orgId: string;
  projectId: string;
  /** The generation whose pipeline is shown. */
  selectedId: string | undefined;
  onSelect: (generationId: string) => void;
}

/** The project's generations as a conversation, oldest first, and the box to ask for a change. */
export function ChatPanel({ orgId, projectId, selectedId, onSelect }: ChatPanelProps) {
  const generations = useGenerations(orgId, projectId);
  const versions = useVersions(orgId, projectId);
  const scroller = useRef<HTMLDivElement>(null);
  const count = generations.data?.length ?? 0;

  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  const numberOf = (version: string | null) => versions.data?.find((v) => v.id === version)?.number;
  const busy = generations.data?.some(isActive) ?? false;

  return (
    <section aria-labelledby="chat-heading" className="flex h-full flex-col">
      <PaneHeader id="chat-heading" icon={<MessagesSquare aria-hidden />} title="Chat" />
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto p-3">
        {generations.isPending ? (
          <div role="status" className="grid grid-cols-1 gap-3">
            <span className="sr-only">Loading the conversation…</span>
            <Skeleton className="ml-auto h-12 w-3/4" />
            <Skeleton className="h-20 w-full" />
          </div>
        ) : generations.isError ? (
          <ErrorState
            title="The conversation could not be loaded"
            error={generations.error}
            onRetry={() => void generations.refetch()}
          />
        ) : generations.data.length === 0 ? (
          <EmptyState
            title="No generations yet"
            description="Describe the app or a change below: Kiln plans it, writes it and checks that it builds."
          />
        ) : (
          <ol aria-label="Generations, oldest first" className="grid grid-cols-1 gap-5">
            {generations.data.toReversed().map((generation) => (
              <GenerationMessage
                key={generation.id}
                orgId={orgId}
                projectId={projectId}
                generation={generation}
                versionNumber={numberOf(generation.version)}
                selected={generation.id === selectedId}
                onSelect={() => {
                  onSelect(generation.id);
                }}
              />
            ))}
          </ol>
        )}
      </div>
      <Authorization
        requires="editor"
        fallback={
          <p className="border-t p-3 text-sm text-muted-foreground">
            You can read this conversation. Editors and owners ask for changes.
          </p>
        }
      >
        <PromptForm orgId={orgId} projectId={projectId} busy={busy} onStarted={onSelect} />
      </Authorization>
    </section>
  );
}
