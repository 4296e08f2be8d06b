"use client";

import Link from "next/link";

import { EntityIcon } from "@/components/entity-icon";
import { PageHeader } from "@/components/entity/page-header";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { app } from "@/lib/app";
import { resources } from "@/lib/resources";
import { recordHref, recordTitle } from "@/lib/data/records";
import { useRows } from "@/lib/data/store";
import type { Resource } from "@/lib/data/types";
import { formatDateTime } from "@/lib/format";

const RECENT = 5;
const RECENT_CARDS = 4;

/** Counts of every resource and its latest rows. */
export function Dashboard() {
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard" description={app.description} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {resources.map((resource) => (
          <CountCard key={resource.name} resource={resource} />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {resources.slice(0, RECENT_CARDS).map((resource) => (
          <RecentCard key={resource.name} resource={resource} />
        ))}
      </div>
    </div>
  );
}

function CountCard({ resource }: { resource: Resource }) {
  const rows = useRows(resource.store);
  return (
    <Link href={resource.path} className="group">
      <Card className="gap-2 transition-colors group-hover:border-primary/40">
        <CardHeader>
          <CardDescription>{resource.plural}</CardDescription>
          <CardAction>
            <EntityIcon
              name={resource.icon}
              className="size-4 text-muted-foreground"
            />
          </CardAction>
        </CardHeader>
        <CardContent>
          {rows ? (
            <p className="text-3xl font-semibold tabular-nums">{rows.length}</p>
          ) : (
            <Skeleton className="h-9 w-12" />
          )}
        </CardContent>
      </Card>
    </Link>
  );
}

function RecentCard({ resource }: { resource: Resource }) {
  const rows = useRows(resource.store);
  const recent = [...(rows ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, RECENT);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent {resource.plural.toLowerCase()}</CardTitle>
        <CardAction>
          <Link
            href={resource.path}
            className="text-sm text-muted-foreground hover:text-foreground"
          >
            View all
          </Link>
        </CardAction>
      </CardHeader>
      <CardContent>
        {!rows ? (
          <Skeleton className="h-40 w-full" />
        ) : recent.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing here yet.</p>
        ) : (
          <ul className="divide-y">
            {recent.map((row) => (
              <li
                key={row.id}
                className="flex items-center justify-between gap-4 py-2.5 first:pt-0 last:pb-0"
              >
                <Link
                  href={recordHref(resource, row.id)}
                  className="truncate text-sm font-medium hover:underline"
                >
                  {recordTitle(resource, row)}
                </Link>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {formatDateTime(row.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
