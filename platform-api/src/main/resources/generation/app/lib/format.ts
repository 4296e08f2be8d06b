import type { FieldSpec, FieldValue } from "@/lib/data/types";

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
});
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const date = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeZone: "UTC",
});
const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
});

/** "no_show" reads "No show". */
export function humanize(value: string): string {
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatMoney(value: number): string {
  return money.format(value);
}

export function formatDateTime(value: string): string {
  return dateTime.format(new Date(value));
}

/** A field's value as text; belongs_to values are shown by their owner. */
export function formatValue(field: FieldSpec, value: FieldValue): string {
  if (value === null || value === undefined || value === "") {
    return "—";
  }
  switch (field.type) {
    case "money":
      return formatMoney(Number(value));
    case "number":
      return number.format(Number(value));
    case "boolean":
      return value ? "Yes" : "No";
    case "date":
      return date.format(new Date(String(value)));
    case "datetime":
      return formatDateTime(String(value));
    case "enum":
      return humanize(String(value));
    default:
      return String(value);
  }
}
