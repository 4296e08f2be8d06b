import type { Extension } from "@codemirror/state";

/** Each language's package is its own chunk, loaded the first time a file of it is opened. */
const LOADERS: Record<string, () => Promise<Extension>> = {
  ts: async () => (await import("@codemirror/lang-javascript")).javascript({ typescript: true }),
  tsx: async () => (await import("@codemirror/lang-javascript")).javascript({ typescript: true, jsx: true }),
  js: async () => (await import("@codemirror/lang-javascript")).javascript(),
  mjs: async () => (await import("@codemirror/lang-javascript")).javascript(),
  cjs: async () => (await import("@codemirror/lang-javascript")).javascript(),
  jsx: async () => (await import("@codemirror/lang-javascript")).javascript({ jsx: true }),
  json: async () => (await import("@codemirror/lang-json")).json(),
  css: async () => (await import("@codemirror/lang-css")).css(),
  md: async () => (await import("@codemirror/lang-markdown")).markdown(),
  mdx: async () => (await import("@codemirror/lang-markdown")).markdown(),
  sql: async () => {
    const { sql, PostgreSQL } = await import("@codemirror/lang-sql");
    return sql({ dialect: PostgreSQL });
  },
};

/** The syntax of a file, by its extension; null for plain text. */
export function loadLanguage(path: string): Promise<Extension> | null {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const load = extension === undefined ? undefined : LOADERS[extension];
  return load ? load() : null;
}
