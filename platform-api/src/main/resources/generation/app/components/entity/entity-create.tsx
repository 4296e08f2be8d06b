"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";

import { EntityForm } from "@/components/entity/entity-form";
import { PageHeader } from "@/components/entity/page-header";
import { useResource } from "@/components/entity/use-resource";
import type { FormValues } from "@/lib/data/validate";

/** The page that creates a row; ?field=value in the URL fills fields in. */
export function EntityCreate({ resource }: { resource: string }) {
  return (
    <Suspense>
      <Create name={resource} />
    </Suspense>
  );
}

function Create({ name }: { name: string }) {
  const resource = useResource(name);
  const params = useSearchParams();
  const initial: FormValues = {};
  for (const field of resource.fields) {
    const value = params.get(field.name);
    if (value !== null) {
      initial[field.name] = value;
    }
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title={`New ${resource.singular.toLowerCase()}`}
        back={{ href: resource.path, label: resource.plural }}
      />
      <EntityForm resource={resource} initial={initial} />
    </div>
  );
}
