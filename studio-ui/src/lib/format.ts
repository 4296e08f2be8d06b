const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "30 Nov 2026, 09:01" in the reader's locale. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "30 Nov 2026" in the reader's locale. */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** "1,250 credits" (or "1 credit"). */
export function formatCredits(credits: number): string {
  return `${integer.format(credits)} ${Math.abs(credits) === 1 ? "credit" : "credits"}`;
}
