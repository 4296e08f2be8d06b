"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";

import { EmptyState } from "@/components/entity/empty-state";
import { EntityForm } from "@/components/entity/entity-form";
import { PageHeader } from "@/components/entity/page-header";
import { useResource } from "@/components/entity/use-resource";
import { Skeleton } from "@/components/ui/skeleton";
import { recordHref, recordTitle } from "@/lib/data/records";
import { useRows } from "@/lib/data/store";

/** The page that edits the row named by ?id= in the URL. */
export function EntityEdit({ resource }: { resource: string }) {
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <Edit name={resource} />
    </Suspense>
  );
}

function Edit({ name }: { name: string }) {
  const resource = useResource(name);
  const id = Number(useSearchParams().get("id"));
  const rows = useRows(resource.store);
  if (!rows) {
    return <Skeleton className="h-96 w-full" />;
  }
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) {
    return (
      <EmptyState
        title={`${resource.singular} not found`}
        description="It may have been deleted."
      />
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit ${recordTitle(resource, row)}`}
        back={{ href: recordHref(resource, row.id), label: resource.singular }}
      />
      <EntityForm key={row.id} resource={resource} row={row} />
    </div>
  );
}
