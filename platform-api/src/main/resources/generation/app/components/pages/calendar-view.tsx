"use client";

import Link from "next/link";

import { EntityIcon } from "@/components/entity-icon";
import { EmptyState } from "@/components/entity/empty-state";
import { PageHeader } from "@/components/entity/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { resources } from "@/lib/resources";
import { recordHref, recordTitle } from "@/lib/data/records";
import { combine, useCombined } from "@/lib/data/store";
import type { Entry, FieldSpec, Resource } from "@/lib/data/types";
import { formatValue } from "@/lib/format";

type Item = { resource: Resource; row: Entry; field: FieldSpec; day: string };

/** Each resource's scheduled moment: its first date and time, else a due date. */
const dated = resources.flatMap((resource) => {
  const field =
    resource.fields.find((candidate) => candidate.type === "datetime") ??
    resource.fields.find(
      (candidate) =>
        candidate.type === "date" &&
        /due|deadline|date|start|end|scheduled/i.test(candidate.name),
    );
  return field ? [{ resource, field }] : [];
});
const all = combine(dated.map(({ resource }) => resource.store));
const day = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** Everything with a date, grouped by day. */
export function CalendarView({ title }: { title: string }) {
  const lists = useCombined(all);
  const items: Item[] = (lists ?? []).flatMap((rows, i) =>
    rows
      .filter((row) => row[dated[i].field.name])
      .map((row) => ({
        ...dated[i],
        row,
        day: String(row[dated[i].field.name]).slice(0, 10),
      })),
  );
  const days = [...new Set(items.map((item) => item.day))].sort();
  return (
    <div className="space-y-8">
      <PageHeader title={title} description="Everything with a date, by day." />
      {!lists ? (
        <Skeleton className="h-64 w-full" />
      ) : days.length === 0 ? (
        <EmptyState title="Nothing scheduled" />
      ) : (
        <div className="space-y-4">
          {days.map((date) => (
            <Card key={date} className="gap-4">
              <CardHeader>
                <CardTitle>{day.format(new Date(date))}</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="space-y-2">
                  {items
                    .filter((item) => item.day === date)
                    .map(({ resource, row, field }) => (
                      <li
                        key={`${resource.name}-${row.id}`}
                        className="flex items-center gap-3 text-sm"
                      >
                        <EntityIcon
                          name={resource.icon}
                          className="size-4 text-muted-foreground"
                        />
                        <Link
                          href={recordHref(resource, row.id)}
                          className="font-medium hover:underline"
                        >
                          {recordTitle(resource, row)}
                        </Link>
                        <span className="text-muted-foreground">
                          {resource.singular} ·{" "}
                          {formatValue(field, row[field.name])}
                        </span>
                      </li>
                    ))}
                </ul>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
