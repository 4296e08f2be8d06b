"use client";

import { PageHeader } from "@/components/entity/page-header";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { resources } from "@/lib/resources";
import { useRows } from "@/lib/data/store";
import type { Entry, FieldSpec, Resource } from "@/lib/data/types";
import { formatMoney, humanize } from "@/lib/format";

/** Totals of money fields and the spread of every status-like field. */
export function Reports({ title }: { title: string }) {
  return (
    <div className="space-y-8">
      <PageHeader
        title={title}
        description="Totals and breakdowns across your data."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {resources.map((resource) => (
          <ResourceReport key={resource.name} resource={resource} />
        ))}
      </div>
    </div>
  );
}

function ResourceReport({ resource }: { resource: Resource }) {
  const rows = useRows(resource.store);
  const money = resource.fields.filter((field) => field.type === "money");
  const breakdowns = resource.fields.filter((field) => field.type === "enum");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{resource.plural}</CardTitle>
        <CardDescription>
          {rows ? `${rows.length} in total` : "Loading…"}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {!rows ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            {money.map((field) => (
              <div
                key={field.name}
                className="flex items-baseline justify-between"
              >
                <span className="text-sm text-muted-foreground">
                  Total {field.label.toLowerCase()}
                </span>
                <span className="text-xl font-semibold tabular-nums">
                  {formatMoney(sum(rows, field))}
                </span>
              </div>
            ))}
            {breakdowns.map((field) => (
              <Breakdown key={field.name} rows={rows} field={field} />
            ))}
            {money.length === 0 && breakdowns.length === 0 && (
              <p className="text-sm text-muted-foreground">
                Nothing to break down for {resource.plural.toLowerCase()}.
              </p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function sum(rows: Entry[], field: FieldSpec): number {
  return rows.reduce((total, row) => total + Number(row[field.name] ?? 0), 0);
}

function Breakdown({ rows, field }: { rows: Entry[]; field: FieldSpec }) {
  const counts = (field.options ?? []).map((option) => ({
    option,
    count: rows.filter((row) => row[field.name] === option).length,
  }));
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">By {field.label.toLowerCase()}</p>
      {counts.map(({ option, count }) => (
        <div
          key={option}
          className="grid grid-cols-[8rem_1fr_2rem] items-center gap-3"
        >
          <span className="truncate text-sm text-muted-foreground">
            {humanize(option)}
          </span>
          <div className="h-2 rounded-full bg-muted">
            <div
              className="h-2 rounded-full bg-primary"
              style={{ width: `${(count / max) * 100}%` }}
            />
          </div>
          <span className="text-right text-sm tabular-nums">{count}</span>
        </div>
      ))}
    </div>
  );
}
