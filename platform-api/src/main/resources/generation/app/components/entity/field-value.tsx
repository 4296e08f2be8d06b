import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { recordHref, recordTitle, relatedRow } from "@/lib/data/records";
import type { FieldSpec, FieldValue } from "@/lib/data/types";
import { formatValue, humanize } from "@/lib/format";

const GOOD = new Set([
  "accepted",
  "achieved",
  "active",
  "approved",
  "attended",
  "available",
  "checked_in",
  "completed",
  "confirmed",
  "delivered",
  "done",
  "fixed",
  "hired",
  "paid",
  "published",
  "resolved",
  "returned",
  "served",
  "won",
]);
const WAITING = new Set([
  "draft",
  "in_progress",
  "interview",
  "medium",
  "negotiation",
  "on_hold",
  "on_loan",
  "open",
  "pending",
  "planned",
  "preparing",
  "proposal",
  "requested",
  "reserved",
  "scheduled",
  "screening",
  "sent",
  "trialing",
  "under_offer",
]);
const BAD = new Set([
  "cancelled",
  "critical",
  "dropped",
  "high",
  "lost",
  "no_show",
  "overdue",
  "past_due",
  "refunded",
  "rejected",
  "urgent",
  "void",
]);

function tone(value: string) {
  if (GOOD.has(value)) {
    return "success";
  }
  if (WAITING.has(value)) {
    return "warning";
  }
  return BAD.has(value) ? "destructive" : "secondary";
}

/** A field's value as it reads in tables and detail pages. */
export function FieldValueView({
  field,
  value,
}: {
  field: FieldSpec;
  value: FieldValue;
}) {
  if (value === null || value === undefined || value === "") {
    return <span className="text-muted-foreground">—</span>;
  }
  switch (field.type) {
    case "enum":
      return (
        <Badge variant={tone(String(value))}>{humanize(String(value))}</Badge>
      );
    case "boolean":
      return value ? (
        <Badge variant="success">Yes</Badge>
      ) : (
        <Badge variant="outline">No</Badge>
      );
    case "belongs_to": {
      const parent = relatedRow(field.target, value);
      if (!parent) {
        return <span className="text-muted-foreground">—</span>;
      }
      return (
        <Link
          href={recordHref(parent.resource, parent.row.id)}
          className="font-medium hover:underline"
        >
          {recordTitle(parent.resource, parent.row)}
        </Link>
      );
    }
    case "email":
      return (
        <a href={`mailto:${value}`} className="hover:underline">
          {String(value)}
        </a>
      );
    case "long_text":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    default:
      return <>{formatValue(field, value)}</>;
  }
}
