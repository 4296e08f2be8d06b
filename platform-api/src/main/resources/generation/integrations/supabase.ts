import { createClient, type SupabaseClient } from "@supabase/supabase-js";

import { requireResource, tableOf, toColumns, toEntry } from "./columns";
import type { Entry, FieldValue } from "./types";

/**
 * The exported app's Supabase access: the same tables (db/schema.sql) behind
 * Supabase's API, with row level security (db/rls.sql) deciding what the
 * signed-in user sees. The static preview uses the browser store instead.
 * Set NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_ANON_KEY to use it.
 */
let client: SupabaseClient | null = null;

function supabase(): SupabaseClient {
  if (!client) {
    const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
    const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
    if (!url || !key) {
      throw new Error(
        "Set NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_ANON_KEY.",
      );
    }
    client = createClient(url, key);
  }
  return client;
}

export async function list(name: string): Promise<Entry[]> {
  const resource = requireResource(name);
  const { data, error } = await supabase()
    .from(tableOf(resource))
    .select("*")
    .order("created_at", { ascending: false });
  if (error) {
    throw error;
  }
  return (data ?? []).map((row) => toEntry(resource, row));
}

export async function get(name: string, id: number): Promise<Entry | null> {
  const resource = requireResource(name);
  const { data, error } = await supabase()
    .from(tableOf(resource))
    .select("*")
    .eq("id", id)
    .maybeSingle();
  if (error) {
    throw error;
  }
  return data ? toEntry(resource, data) : null;
}

export async function create(
  name: string,
  values: Record<string, FieldValue>,
): Promise<Entry> {
  const resource = requireResource(name);
  const { data, error } = await supabase()
    .from(tableOf(resource))
    .insert(toColumns(values))
    .select()
    .single();
  if (error) {
    throw error;
  }
  return toEntry(resource, data);
}

export async function update(
  name: string,
  id: number,
  values: Record<string, FieldValue>,
): Promise<Entry | null> {
  const resource = requireResource(name);
  const { data, error } = await supabase()
    .from(tableOf(resource))
    .update(toColumns(values))
    .eq("id", id)
    .select()
    .maybeSingle();
  if (error) {
    throw error;
  }
  return data ? toEntry(resource, data) : null;
}

export async function remove(name: string, id: number): Promise<void> {
  const resource = requireResource(name);
  const { error } = await supabase()
    .from(tableOf(resource))
    .delete()
    .eq("id", id);
  if (error) {
    throw error;
  }
}
