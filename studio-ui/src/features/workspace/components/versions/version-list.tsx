import { Button } from "@/components/ui/button";
import { Authorization } from "@/lib/authorization";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { RestoreVersionButton } from "./restore-version-button";
import type { Version } from "../../api/get-versions";
import { VerificationBadge } from "../verification-badge";

interface VersionListProps {
  orgId: string;
  projectId: string;
  versions: Version[];
  head: string | null;
  selected: string | null;
  onBrowse: (version: string) => void;
  onCompare: (from: string, to: string) => void;
  onRestored: (version: { id: string; number: number }) => void;
}

/** The versions, newest first: each with its check, and ways to read, compare and restore it. */
export function VersionList({ orgId, projectId, versions, head, selected, onBrowse, onCompare, onRestored }: VersionListProps) {
  return (
    <ol aria-label="Versions, newest first" className="grid grid-cols-1 gap-2">
      {versions.map((version) => {
        const current = version.id === head;
        return (
          <li
            key={version.id}
            aria-current={version.id === selected ? "true" : undefined}
            className={cn("grid grid-cols-1 gap-1.5 rounded-lg border p-2.5 text-sm", version.id === selected && "border-ring")}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Version {version.number}</span>
              {current && <span className="text-xs text-muted-foreground">(current)</span>}
              <VerificationBadge verification={version.verification} />
              <time dateTime={version.at} className="ml-auto text-xs text-muted-foreground">
                {formatDateTime(version.at)}
              </time>
            </div>
            <p className="truncate text-muted-foreground" title={version.message}>
              {version.message}
            </p>
            <div className="flex flex-wrap items-center gap-1.5">
              <Button
                variant="outline"
                size="sm"
                aria-label={`Browse the files of version ${version.number}`}
                onClick={() => {
                  onBrowse(version.id);
                }}
              >
                Files
              </Button>
              {version.parent && (
                <Button
                  variant="outline"
                  size="sm"
                  aria-label={`Changes in version ${version.number}`}
                  onClick={() => {
                    if (version.parent) onCompare(version.parent, version.id);
                  }}
                >
                  Changes
                </Button>
              )}
              {!current && (
                <Authorization requires="editor">
                  <RestoreVersionButton orgId={orgId} projectId={projectId} version={version} onRestored={onRestored} />
                </Authorization>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
