"use client";

import { Pencil, Plus, Trash } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";

import { EmptyState } from "@/components/entity/empty-state";
import { FieldValueView } from "@/components/entity/field-value";
import { PageHeader } from "@/components/entity/page-header";
import { useResource } from "@/components/entity/use-resource";
import { Button, buttonVariants } from "@/components/ui/button";
import {
  Card,
  CardAction,
  CardContent,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { resources } from "@/lib/resources";
import { recordHref, recordTitle } from "@/lib/data/records";
import { useRows } from "@/lib/data/store";
import type { Entry, FieldSpec, Resource } from "@/lib/data/types";
import { formatDateTime } from "@/lib/format";

/** The page of the row named by ?id= in the URL, with the rows that belong to it. */
export function EntityDetail({ resource }: { resource: string }) {
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <Detail name={resource} />
    </Suspense>
  );
}

function Detail({ name }: { name: string }) {
  const resource = useResource(name);
  const id = Number(useSearchParams().get("id"));
  const rows = useRows(resource.store);
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  if (!rows) {
    return <Skeleton className="h-96 w-full" />;
  }
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) {
    return (
      <EmptyState
        title={`${resource.singular} not found`}
        description="It may have been deleted."
      >
        <Link
          href={resource.path}
          className={buttonVariants({ variant: "outline" })}
        >
          Back to {resource.plural.toLowerCase()}
        </Link>
      </EmptyState>
    );
  }

  function remove(entry: Entry) {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    resource.store.remove(entry.id);
    router.push(resource.path);
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={recordTitle(resource, row)}
        description={resource.singular}
        back={{ href: resource.path, label: resource.plural }}
      >
        <Link
          href={`${resource.path}/edit?id=${row.id}`}
          className={buttonVariants({ variant: "outline" })}
        >
          <Pencil aria-hidden />
          Edit
        </Link>
        <Button
          variant={confirming ? "destructive" : "outline"}
          onClick={() => remove(row)}
          onBlur={() => setConfirming(false)}
        >
          <Trash aria-hidden />
          {confirming ? "Confirm delete" : "Delete"}
        </Button>
      </PageHeader>
      <Card>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-5 sm:grid-cols-2">
            {resource.fields.map((field) => (
              <div
                key={field.name}
                className={field.type === "long_text" ? "sm:col-span-2" : ""}
              >
                <dt className="text-sm text-muted-foreground">{field.label}</dt>
                <dd className="mt-1 text-sm">
                  <FieldValueView field={field} value={row[field.name]} />
                </dd>
              </div>
            ))}
            <div>
              <dt className="text-sm text-muted-foreground">Created</dt>
              <dd className="mt-1 text-sm">{formatDateTime(row.createdAt)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted-foreground">Last updated</dt>
              <dd className="mt-1 text-sm">{formatDateTime(row.updatedAt)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      {children(resource).map(({ child, field }) => (
        <RelatedList
          key={`${child.name}-${field.name}`}
          child={child}
          field={field}
          parentId={row.id}
        />
      ))}
    </div>
  );
}

/** The resources with a field that belongs to this one. */
function children(resource: Resource) {
  return resources.flatMap((child) =>
    child.fields
      .filter((field) => field.type === "belongs_to")
      .filter((field) => field.target === resource.name)
      .map((field) => ({ child, field })),
  );
}

function RelatedList({
  child,
  field,
  parentId,
}: {
  child: Resource;
  field: FieldSpec;
  parentId: number;
}) {
  const rows = (useRows(child.store) ?? []).filter(
    (row) => row[field.name] === parentId,
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{child.plural}</CardTitle>
        <CardAction>
          <Link
            href={`${child.path}/new?${field.name}=${parentId}`}
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            <Plus aria-hidden />
            Add
          </Link>
        </CardAction>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No {child.plural.toLowerCase()} yet.
          </p>
        ) : (
          <ul className="divide-y">
            {rows.map((row) => (
              <li key={row.id} className="py-2 first:pt-0 last:pb-0">
                <Link
                  href={recordHref(child, row.id)}
                  className="text-sm font-medium hover:underline"
                >
                  {recordTitle(child, row)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
