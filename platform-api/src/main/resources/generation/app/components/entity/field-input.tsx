"use client";

import type { ComponentProps } from "react";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { findResource } from "@/lib/resources";
import { recordTitle } from "@/lib/data/records";
import { useRows } from "@/lib/data/store";
import type { FieldSpec, Resource } from "@/lib/data/types";
import { humanize } from "@/lib/format";
import { cn } from "@/lib/utils";

type InputProps = {
  field: FieldSpec;
  value: string;
  error?: string;
  onChange: (value: string) => void;
};

const INPUT_TYPES: Partial<Record<FieldSpec["type"], string>> = {
  number: "number",
  money: "number",
  date: "date",
  datetime: "datetime-local",
  email: "email",
};

/** The labelled input of one field, with its error under it. */
export function FieldInput({ field, value, error, onChange }: InputProps) {
  const id = `field-${field.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  if (field.type === "boolean") {
    return (
      <div className="flex items-center gap-2 sm:col-span-2">
        <Checkbox
          {...common}
          checked={value === "true"}
          onChange={(event) => onChange(String(event.target.checked))}
        />
        <Label htmlFor={id}>{field.label}</Label>
      </div>
    );
  }
  let control;
  if (field.type === "long_text") {
    control = (
      <Textarea
        {...common}
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else if (field.type === "enum") {
    control = (
      <Select
        {...common}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose…</option>
        {field.options?.map((option) => (
          <option key={option} value={option}>
            {humanize(option)}
          </option>
        ))}
      </Select>
    );
  } else if (field.type === "belongs_to") {
    const target = field.target ? findResource(field.target) : undefined;
    control = target ? (
      <RelationSelect
        {...common}
        target={target}
        value={value}
        onChange={onChange}
      />
    ) : null;
  } else {
    control = (
      <Input
        {...common}
        type={INPUT_TYPES[field.type] ?? "text"}
        step={field.type === "money" ? "0.01" : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div
      className={cn("grid content-start gap-2", {
        "sm:col-span-2": field.type === "long_text",
      })}
    >
      <Label htmlFor={id}>
        {field.label}
        {field.required && <span className="text-destructive">*</span>}
      </Label>
      {control}
      {error && (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

function RelationSelect({
  target,
  value,
  onChange,
  ...props
}: Omit<ComponentProps<"select">, "value" | "onChange"> & {
  target: Resource;
  value: string;
  onChange: (value: string) => void;
}) {
  const rows = useRows(target.store);
  return (
    <Select
      {...props}
      value={value}
      disabled={!rows}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{rows ? "Choose…" : "Loading…"}</option>
      {rows?.map((row) => (
        <option key={row.id} value={String(row.id)}>
          {recordTitle(target, row)}
        </option>
      ))}
    </Select>
  );
}
