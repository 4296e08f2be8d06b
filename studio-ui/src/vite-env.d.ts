/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the Kiln API is; empty (the default) means the origin that served the studio. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
