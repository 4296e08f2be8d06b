/** One line of a unified diff, with its numbers in the old and the new file. */
export interface DiffLine {
  kind: "added" | "removed" | "context" | "hunk" | "note";
  text: string;
  oldNumber: number | null;
  newNumber: number | null;
}

export interface ParsedDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** git's file headers before the first hunk (`diff --git`, `index`, `---`, `+++`, modes). */
const FILE_HEADER = /^(diff --git |index |--- |\+\+\+ |new file mode |deleted file mode |old mode |new mode |similarity |rename |copy )/;

/** Parses a unified diff (JGit's or `UnifiedDiff`'s) into numbered lines; file headers are dropped. */
export function parseDiff(diff: string): ParsedDiff {
  const lines: DiffLine[] = [];
  let oldNumber = 0;
  let newNumber = 0;
  let inHunk = false;
  let added = 0;
  let removed = 0;
  const rows = diff.endsWith("\n") ? diff.slice(0, -1).split("\n") : diff.split("\n");
  for (const row of rows) {
    const hunk = HUNK.exec(row);
    if (hunk) {
      inHunk = true;
      oldNumber = Number(hunk[1]);
      newNumber = Number(hunk[2]);
      lines.push({ kind: "hunk", text: row, oldNumber: null, newNumber: null });
    } else if (!inHunk) {
      if (!FILE_HEADER.test(row) && row.length > 0) lines.push({ kind: "note", text: row, oldNumber: null, newNumber: null });
    } else if (row.startsWith("+")) {
      added += 1;
      lines.push({ kind: "added", text: row.slice(1), oldNumber: null, newNumber: newNumber++ });
    } else if (row.startsWith("-")) {
      removed += 1;
      lines.push({ kind: "removed", text: row.slice(1), oldNumber: oldNumber++, newNumber: null });
    } else if (row.startsWith("\\")) {
      lines.push({ kind: "note", text: row.slice(1).trim(), oldNumber: null, newNumber: null });
    } else {
      lines.push({ kind: "context", text: row.slice(1), oldNumber: oldNumber++, newNumber: newNumber++ });
    }
  }
  return { lines, added, removed };
}
