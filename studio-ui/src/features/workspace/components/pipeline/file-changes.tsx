import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FileClosed } from "../../pipeline/pipeline-state";
import { ChangeBadge, FileDiff } from "../diff/file-diff";

/** Files listed before "Show all": a first generation writes dozens. */
const FIRST = 8;

/** The files the generation wrote, each with its diff when the event carried one. */
export function FileChanges({ files }: { files: FileClosed[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? files : files.slice(0, FIRST);
  return (
    <div className="grid grid-cols-1 gap-1.5">
      <ul className="grid grid-cols-1 gap-1.5">
        {shown.map((file, index) => (
          <li key={`${file.path}-${index}`}>
            {file.diff ? (
              <FileDiff path={file.path} change={file.change} diff={file.diff} defaultOpen={false} />
            ) : (
              <div className="flex items-center gap-2 rounded-lg border px-2 py-1.5 text-sm">
                <code className="min-w-0 flex-1 truncate">{file.path}</code>
                <ChangeBadge change={file.change} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {files.length > FIRST && (
        <Button
          variant="ghost"
          size="sm"
          className="w-fit"
          aria-expanded={all}
          onClick={() => {
            setAll(!all);
          }}
        >
          {all ? "Show fewer files" : `Show all ${files.length} files`}
        </Button>
      )}
    </div>
  );
}
