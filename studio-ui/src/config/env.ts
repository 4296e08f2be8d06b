import { checkEnv, type Env } from "./env-schema";

function load(): Env {
  const checked = checkEnv(import.meta.env);
  if (!checked.ok) {
    throw new Error(`The studio is misconfigured: ${checked.message}`);
  }
  return checked.env;
}

/** The validated environment. main.tsx checks it before this module is ever loaded. */
export const env: Env = load();
