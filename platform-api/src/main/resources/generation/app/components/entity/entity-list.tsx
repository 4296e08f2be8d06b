"use client";

import { ArrowDown, ArrowUp, Plus, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { EmptyState } from "@/components/entity/empty-state";
import { FieldValueView } from "@/components/entity/field-value";
import { PageHeader } from "@/components/entity/page-header";
import { useResource } from "@/components/entity/use-resource";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { recordHref, recordTitle } from "@/lib/data/records";
import { useRows } from "@/lib/data/store";
import type { Entry, FieldSpec, Resource } from "@/lib/data/types";
import { formatValue } from "@/lib/format";

const MAX_COLUMNS = 4;

const TITLE = "";

type Sort = { field: string; descending: boolean };

/** The columns after the title: the first short fields. */
function listColumns(resource: Resource): FieldSpec[] {
  return resource.fields
    .filter((field) => field.type !== "long_text")
    .filter((field) => field.name !== resource.titleField)
    .slice(0, MAX_COLUMNS);
}

function matches(resource: Resource, row: Entry, query: string): boolean {
  if (!query) {
    return true;
  }
  const text = [
    recordTitle(resource, row),
    ...resource.fields.map((field) => formatValue(field, row[field.name])),
  ]
    .join(" ")
    .toLowerCase();
  return text.includes(query.toLowerCase());
}

function compare(resource: Resource, a: Entry, b: Entry, sort: Sort): number {
  const x = sort.field === TITLE ? recordTitle(resource, a) : a[sort.field];
  const y = sort.field === TITLE ? recordTitle(resource, b) : b[sort.field];
  let order: number;
  if (x === y) {
    order = 0;
  } else if (x === null || x === undefined) {
    order = 1;
  } else if (y === null || y === undefined) {
    order = -1;
  } else if (typeof x === "number" && typeof y === "number") {
    order = x - y;
  } else {
    order = String(x).localeCompare(String(y));
  }
  return sort.descending ? -order : order;
}

/** Every row of a resource in a searchable, sortable table. */
export function EntityList({ resource: name }: { resource: string }) {
  const resource = useResource(name);
  const rows = useRows(resource.store);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<Sort | null>(null);
  const columns = listColumns(resource);
  const titleLabel =
    resource.fields.find((field) => field.name === resource.titleField)
      ?.label ?? resource.singular;
  const visible = (rows ?? [])
    .filter((row) => matches(resource, row, query.trim()))
    .sort((a, b) =>
      sort
        ? compare(resource, a, b, sort)
        : b.createdAt.localeCompare(a.createdAt),
    );

  function toggle(field: string) {
    setSort((current) =>
      current?.field === field
        ? { field, descending: !current.descending }
        : { field, descending: false },
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={resource.plural}
        description={
          rows
            ? `${rows.length} ${rows.length === 1 ? resource.singular.toLowerCase() : resource.plural.toLowerCase()}`
            : undefined
        }
      >
        <Link href={`${resource.path}/new`} className={buttonVariants()}>
          <Plus aria-hidden />
          New {resource.singular.toLowerCase()}
        </Link>
      </PageHeader>
      <div className="relative max-w-sm">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          placeholder={`Search ${resource.plural.toLowerCase()}…`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="bg-background pl-8"
          aria-label={`Search ${resource.plural.toLowerCase()}`}
        />
      </div>
      {!rows ? (
        <Skeleton className="h-64 w-full" />
      ) : visible.length === 0 ? (
        <EmptyState
          title={
            query
              ? `No ${resource.plural.toLowerCase()} match “${query}”`
              : `No ${resource.plural.toLowerCase()} yet`
          }
          description={query ? "Try another search." : undefined}
        />
      ) : (
        <Card className="py-0">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow>
                  {[{ name: TITLE, label: titleLabel }, ...columns].map(
                    (column) => (
                      <TableHead key={column.name} className="first:pl-6">
                        <button
                          type="button"
                          onClick={() => toggle(column.name)}
                          className="inline-flex items-center gap-1 hover:text-foreground/70"
                        >
                          {column.label}
                          {sort?.field === column.name &&
                            (sort.descending ? (
                              <ArrowDown className="size-3.5" aria-hidden />
                            ) : (
                              <ArrowUp className="size-3.5" aria-hidden />
                            ))}
                        </button>
                      </TableHead>
                    ),
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {visible.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell className="pl-6">
                      <Link
                        href={recordHref(resource, row.id)}
                        className="font-medium hover:underline"
                      >
                        {recordTitle(resource, row)}
                      </Link>
                    </TableCell>
                    {columns.map((field) => (
                      <TableCell key={field.name}>
                        <FieldValueView field={field} value={row[field.name]} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
