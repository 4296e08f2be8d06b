import { ChevronRight, FileText, Folder, FolderOpen, Search } from "lucide-react";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { foldersOf, visibleRows, type TreeRow } from "./file-tree-model";

interface FileTreeProps {
  /** Every file's path, '/'-separated. */
  paths: readonly string[];
  selected: string | null;
  onSelect: (path: string) => void;
  /** The tree's accessible name, e.g. "Files of version 3". */
  label: string;
}

/** The top-level folders and those holding `selected`: what is open at first. */
function initiallyOpen(paths: readonly string[], selected: string | null): Set<string> {
  const open = new Set(paths.filter((path) => path.includes("/")).map((path) => path.split("/")[0] ?? path));
  if (selected) foldersOf([selected]).forEach((folder) => open.add(folder));
  return open;
}

/**
 * A version's files as an ARIA tree: one tab stop, arrow keys to move, Right and Left to open and
 * close folders, Enter or Space to open a file, Home and End; a filter narrows it to matching paths.
 */
export function FileTree({ paths, selected, onSelect, label }: FileTreeProps) {
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState(() => initiallyOpen(paths, selected));
  const [active, setActive] = useState<string | null>(selected);
  const items = useRef(new Map<string, HTMLDivElement>());

  const needle = query.trim().toLowerCase();
  const shown = useMemo(
    () => (needle ? paths.filter((path) => path.toLowerCase().includes(needle)) : paths),
    [paths, needle],
  );
  const open = useMemo(() => (needle ? foldersOf(shown) : expanded), [needle, shown, expanded]);
  const rows = useMemo(() => visibleRows(shown, open), [shown, open]);
  const focusable = rows.find((row) => row.path === active) ?? rows.find((row) => row.path === selected) ?? rows[0];

  const toggle = (path: string, to = !open.has(path)) => {
    setExpanded((before) => {
      const next = new Set(before);
      if (to) next.add(path);
      else next.delete(path);
      return next;
    });
  };

  const focus = (row: TreeRow | undefined) => {
    if (!row) return;
    setActive(row.path);
    items.current.get(row.path)?.focus();
  };

  const activate = (row: TreeRow) => {
    setActive(row.path);
    if (row.kind === "file") onSelect(row.path);
    else toggle(row.path);
  };

  const onKeyDown = (row: TreeRow, index: number) => (event: KeyboardEvent) => {
    const folderOpen = row.kind === "folder" && open.has(row.path);
    const actions: Record<string, () => void> = {
      ArrowDown: () => { focus(rows[index + 1]); },
      ArrowUp: () => { focus(rows[index - 1]); },
      Home: () => { focus(rows[0]); },
      End: () => { focus(rows.at(-1)); },
      ArrowRight: () => {
        if (row.kind !== "folder") return;
        if (folderOpen) focus(rows[index + 1]?.parent === row.path ? rows[index + 1] : undefined);
        else toggle(row.path, true);
      },
      ArrowLeft: () => {
        if (folderOpen) toggle(row.path, false);
        else focus(rows.find((candidate) => candidate.path === row.parent));
      },
      Enter: () => { activate(row); },
      " ": () => { activate(row); },
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="relative shrink-0 p-2">
        <Search aria-hidden className="absolute top-1/2 left-4 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Filter files"
          placeholder="Filter files"
          className="h-8 pl-7"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      </div>
      {rows.length === 0 ? (
        <p className="p-3 text-sm text-muted-foreground">No file matches “{query}”.</p>
      ) : (
        <div role="tree" aria-label={label} className="min-h-0 flex-1 overflow-auto px-1 pb-2 text-sm">
          {rows.map((row, index) => {
            const isFolder = row.kind === "folder";
            const isOpen = isFolder && open.has(row.path);
            const Icon = isFolder ? (isOpen ? FolderOpen : Folder) : FileText;
            return (
              <div
                key={row.path}
                ref={(element) => {
                  if (element) items.current.set(row.path, element);
                  else items.current.delete(row.path);
                }}
                role="treeitem"
                aria-level={row.level}
                aria-setsize={row.siblings}
                aria-posinset={row.position}
                aria-expanded={isFolder ? isOpen : undefined}
                aria-selected={isFolder ? undefined : row.path === selected}
                tabIndex={row === focusable ? 0 : -1}
                onClick={() => {
                  activate(row);
                }}
                onKeyDown={onKeyDown(row, index)}
                style={{ paddingLeft: `${(row.level - 1) * 0.9 + 0.25}rem` }}
                className={cn(
                  "flex cursor-pointer items-center gap-1 rounded-md py-1 pr-2 outline-none select-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
                  row.path === selected && "bg-accent font-medium text-accent-foreground",
                )}
              >
                <ChevronRight
                  aria-hidden
                  className={cn("size-3.5 shrink-0 text-muted-foreground", !isFolder && "invisible", isOpen && "rotate-90")}
                />
                <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                <span className="truncate">{row.name}</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
