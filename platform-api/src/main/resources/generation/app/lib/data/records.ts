import { formatValue } from "@/lib/format";

import { findResource } from "@/lib/resources";
import type { Entry, Resource } from "./types";

/** What a row is called: its title field, else its owner and first date. */
export function recordTitle(resource: Resource, row: Entry): string {
  if (resource.titleField) {
    const value = row[resource.titleField];
    if (value !== null && value !== undefined && value !== "") {
      return String(value);
    }
  }
  const parts: string[] = [];
  const owner = resource.fields.find((field) => field.type === "belongs_to");
  if (owner) {
    const parent = relatedRow(owner.target, row[owner.name]);
    if (parent) {
      parts.push(recordTitle(parent.resource, parent.row));
    }
  }
  const when = resource.fields.find(
    (field) => field.type === "date" || field.type === "datetime",
  );
  if (when && row[when.name]) {
    parts.push(formatValue(when, row[when.name]));
  }
  return parts.length > 0
    ? parts.join(" · ")
    : `${resource.singular} #${row.id}`;
}

/** The row a belongs_to value points at, with its resource. */
export function relatedRow(
  target: string | undefined,
  id: unknown,
): { resource: Resource; row: Entry } | null {
  const resource = target ? findResource(target) : undefined;
  if (!resource || typeof id !== "number") {
    return null;
  }
  const row = resource.store.get(id);
  return row ? { resource, row } : null;
}

/** The link to a row's detail page. */
export function recordHref(resource: Resource, id: number): string {
  return `${resource.path}/view?id=${id}`;
}
