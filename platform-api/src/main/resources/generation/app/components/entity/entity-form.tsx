"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { FieldInput } from "@/components/entity/field-input";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { recordHref } from "@/lib/data/records";
import type { Entry, Resource } from "@/lib/data/types";
import {
  type FormErrors,
  type FormValues,
  parseForm,
  toFormValues,
} from "@/lib/data/validate";

/** Creates a row, or edits {@code row}; checks every field before saving. */
export function EntityForm({
  resource,
  row,
  initial,
}: {
  resource: Resource;
  row?: Entry;
  initial?: FormValues;
}) {
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(() => ({
    ...toFormValues(resource.fields, row),
    ...initial,
  }));
  const [errors, setErrors] = useState<FormErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = parseForm(resource.fields, values);
    setErrors(result.errors);
    if (Object.keys(result.errors).length > 0) {
      return;
    }
    const saved = row
      ? resource.store.update(row.id, result.data)
      : resource.store.create(result.data);
    router.push(saved ? recordHref(resource, saved.id) : resource.path);
  }

  const cancel = row ? recordHref(resource, row.id) : resource.path;
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {resource.fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name] ?? ""}
              error={errors[field.name]}
              onChange={(value) =>
                setValues((current) => ({ ...current, [field.name]: value }))
              }
            />
          ))}
        </CardContent>
      </Card>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="text-sm text-destructive">
          Check the highlighted fields.
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Link href={cancel} className={buttonVariants({ variant: "outline" })}>
          Cancel
        </Link>
        <Button type="submit">
          {row ? "Save changes" : `Create ${resource.singular.toLowerCase()}`}
        </Button>
      </div>
    </form>
  );
}
