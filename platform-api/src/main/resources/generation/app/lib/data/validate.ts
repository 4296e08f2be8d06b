import type { Entry, FieldSpec, FieldValue } from "./types";

/** What a form holds: the text of every input, by field name. */
export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;
const MAX_LONG_TEXT = 5000;

/** The inputs' text for a row, or empty inputs for a new one. */
export function toFormValues(fields: FieldSpec[], row?: Entry): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = row ? row[field.name] : null;
    if (value === null || value === undefined) {
      values[field.name] = field.type === "boolean" ? "false" : "";
    } else if (field.type === "datetime") {
      values[field.name] = toLocalInput(String(value));
    } else {
      values[field.name] = String(value);
    }
  }
  return values;
}

/** Checks a form and turns its text into typed values. */
export function parseForm(
  fields: FieldSpec[],
  values: FormValues,
): { data: Record<string, FieldValue>; errors: FormErrors } {
  const data: Record<string, FieldValue> = {};
  const errors: FormErrors = {};
  for (const field of fields) {
    const text = (values[field.name] ?? "").trim();
    if (field.type === "boolean") {
      data[field.name] = text === "true";
      continue;
    }
    if (text === "") {
      data[field.name] = null;
      if (field.required) {
        errors[field.name] = `${field.label} is required.`;
      }
      continue;
    }
    const parsed = parseValue(field, text);
    if (typeof parsed === "object" && parsed !== null) {
      errors[field.name] = parsed.error;
    } else {
      data[field.name] = parsed;
    }
  }
  return { data, errors };
}

function parseValue(
  field: FieldSpec,
  text: string,
): FieldValue | { error: string } {
  switch (field.type) {
    case "email":
      return EMAIL.test(text)
        ? text
        : { error: "Enter an email address like name@example.com." };
    case "number":
    case "money": {
      const number = Number(text);
      if (!Number.isFinite(number)) {
        return { error: `${field.label} must be a number.` };
      }
      if (field.type === "money" && Math.round(number * 100) !== number * 100) {
        return { error: `${field.label} has at most two decimals.` };
      }
      return number;
    }
    case "belongs_to": {
      const id = Number(text);
      return Number.isInteger(id) && id > 0
        ? id
        : { error: `Choose a ${field.label.toLowerCase()}.` };
    }
    case "enum":
      return field.options?.includes(text)
        ? text
        : { error: `Choose a ${field.label.toLowerCase()}.` };
    case "date":
      return DATE.test(text) && !Number.isNaN(Date.parse(text))
        ? text
        : { error: "Enter a date." };
    case "datetime": {
      const time = new Date(text);
      return Number.isNaN(time.getTime())
        ? { error: "Enter a date and time." }
        : time.toISOString();
    }
    case "long_text":
      return text.length <= MAX_LONG_TEXT
        ? text
        : { error: `Keep it under ${MAX_LONG_TEXT} characters.` };
    default:
      return text.length <= MAX_TEXT
        ? text
        : { error: `Keep it under ${MAX_TEXT} characters.` };
  }
}

/** An ISO time as the value of a datetime-local input, in local time. */
function toLocalInput(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return "";
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
