/** A row of the file tree as shown: a folder or a file at a depth. */
export interface TreeRow {
  /** The full path; a folder's without a trailing slash. */
  path: string;
  name: string;
  kind: "folder" | "file";
  /** 1 for the top level. */
  level: number;
  /** The folder it is in; null at the top level. */
  parent: string | null;
  /** Its place among its siblings, 1-based, and how many they are. */
  position: number;
  siblings: number;
}

interface Folder {
  folders: Map<string, Folder>;
  files: string[];
}

function folderTree(paths: readonly string[]): Folder {
  const root: Folder = { folders: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split("/");
    const name = parts.pop() ?? path;
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push(name);
  }
  return root;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });

/**
 * The rows a tree of `paths` shows, folders first then files, each sorted by name; the contents of
 * a folder only when it is in `expanded`.
 */
export function visibleRows(paths: readonly string[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: Folder, prefix: string, level: number, parent: string | null) => {
    const folders = [...folder.folders.keys()].sort(byName);
    const files = [...folder.files].sort(byName);
    const siblings = folders.length + files.length;
    folders.forEach((name, index) => {
      const path = prefix + name;
      rows.push({ path, name, kind: "folder", level, parent, position: index + 1, siblings });
      const child = folder.folders.get(name);
      if (child && expanded.has(path)) walk(child, `${path}/`, level + 1, path);
    });
    files.forEach((name, index) => {
      rows.push({ path: prefix + name, name, kind: "file", level, parent, position: folders.length + index + 1, siblings });
    });
  };
  walk(folderTree(paths), "", 1, null);
  return rows;
}

/** Every folder that holds one of `paths` (to open them all, for a filtered tree). */
export function foldersOf(paths: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
  }
  return folders;
}
