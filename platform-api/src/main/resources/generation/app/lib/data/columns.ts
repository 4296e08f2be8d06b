import { findResource } from "@/lib/resources";
import type { Entry, FieldValue, Resource } from "./types";

/** The table of a resource: time-entries is stored in time_entries. */
export function tableOf(resource: Resource): string {
  return resource.name.replace(/-/g, "_");
}

/** dueDate is stored in due_date, patientId in patient_id. */
export function columnOf(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function propertyOf(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) =>
    letter.toUpperCase(),
  );
}

/** A database row as the app's typed row: camelCase keys, numbers as numbers. */
export function toEntry(
  resource: Resource,
  row: Record<string, unknown>,
): Entry {
  const entry: Record<string, FieldValue> = {};
  for (const [column, value] of Object.entries(row)) {
    entry[propertyOf(column)] = toValue(value);
  }
  for (const field of resource.fields) {
    const value = entry[field.name];
    if (value === null || value === undefined) {
      entry[field.name] = null;
    } else if (["number", "money", "belongs_to"].includes(field.type)) {
      entry[field.name] = Number(value);
    } else if (field.type === "date") {
      entry[field.name] = String(value).slice(0, 10);
    }
  }
  return entry as Entry;
}

function toValue(value: unknown): FieldValue {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  return value === null || value === undefined ? null : String(value);
}

/** The values of a form as columns, for inserts and updates. */
export function toColumns(
  values: Record<string, FieldValue>,
): Record<string, FieldValue> {
  const columns: Record<string, FieldValue> = {};
  for (const [property, value] of Object.entries(values)) {
    columns[columnOf(property)] = value;
  }
  return columns;
}

/** The resource for a name, or an error naming it. */
export function requireResource(name: string): Resource {
  const resource = findResource(name);
  if (!resource) {
    throw new Error(`Unknown resource "${name}"`);
  }
  return resource;
}
