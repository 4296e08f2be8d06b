import { findResource } from "@/lib/resources";
import type { Resource } from "@/lib/data/types";

/** The resource registered under a name; a wrong name is a bug, so it throws. */
export function useResource(name: string): Resource {
  const resource = findResource(name);
  if (!resource) {
    throw new Error(`Unknown resource "${name}"`);
  }
  return resource;
}
