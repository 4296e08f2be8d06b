"use client";

import Link from "next/link";

import { EntityIcon } from "@/components/entity-icon";
import { PageHeader } from "@/components/entity/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { resources } from "@/lib/resources";

/** A page Kiln has made room for; ask Kiln to fill it in. */
export function CustomPage({ title }: { title: string }) {
  return (
    <div className="space-y-8">
      <PageHeader
        title={title}
        description="This page is ready for content: describe what it should show and Kiln adds it."
      />
      <Card>
        <CardHeader>
          <CardTitle>Jump to</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {resources.map((resource) => (
            <Link
              key={resource.name}
              href={resource.path}
              className="flex items-center gap-3 rounded-lg border p-3 text-sm font-medium hover:bg-accent"
            >
              <EntityIcon
                name={resource.icon}
                className="size-4 text-muted-foreground"
              />
              {resource.plural}
            </Link>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
