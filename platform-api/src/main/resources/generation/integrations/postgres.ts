import { Pool, type PoolClient } from "pg";

import { requireResource, tableOf, toColumns, toEntry } from "./columns";
import type { Entry, FieldValue } from "./types";

/**
 * The exported app's PostgreSQL access (db/schema.sql, db/rls.sql), for route
 * handlers and server actions once the app runs on a server; the static
 * preview uses the browser store instead. Every query runs in a transaction
 * carrying the caller's claims, so row level security decides what it sees.
 */
export type Claims = {
  /** The user's id. */
  sub: string;
  org_id: string;
  app_role: string;
};

let pool: Pool | null = null;

function connect(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }
  return pool;
}

async function asUser<T>(
  claims: Claims,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await connect().connect();
  try {
    await client.query("begin");
    await client.query("select set_config('request.jwt.claims', $1, true)", [
      JSON.stringify(claims),
    ]);
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export async function list(claims: Claims, name: string): Promise<Entry[]> {
  const resource = requireResource(name);
  return asUser(claims, async (client) => {
    const result = await client.query(
      `select * from ${quote(tableOf(resource))} order by created_at desc`,
    );
    return result.rows.map((row) => toEntry(resource, row));
  });
}

export async function get(
  claims: Claims,
  name: string,
  id: number,
): Promise<Entry | null> {
  const resource = requireResource(name);
  return asUser(claims, async (client) => {
    const result = await client.query(
      `select * from ${quote(tableOf(resource))} where id = $1`,
      [id],
    );
    return result.rows[0] ? toEntry(resource, result.rows[0]) : null;
  });
}

export async function create(
  claims: Claims,
  name: string,
  values: Record<string, FieldValue>,
): Promise<Entry> {
  const resource = requireResource(name);
  const columns = Object.entries(toColumns(values));
  return asUser(claims, async (client) => {
    const result = await client.query(
      `insert into ${quote(tableOf(resource))} (${columns.map(([c]) => quote(c)).join(", ")})
       values (${columns.map((_, i) => `$${i + 1}`).join(", ")}) returning *`,
      columns.map(([, v]) => v),
    );
    return toEntry(resource, result.rows[0]);
  });
}

export async function update(
  claims: Claims,
  name: string,
  id: number,
  values: Record<string, FieldValue>,
): Promise<Entry | null> {
  const resource = requireResource(name);
  const columns = Object.entries(toColumns(values));
  return asUser(claims, async (client) => {
    const result = await client.query(
      `update ${quote(tableOf(resource))}
       set ${columns.map(([c], i) => `${quote(c)} = $${i + 2}`).join(", ")}
       where id = $1 returning *`,
      [id, ...columns.map(([, v]) => v)],
    );
    return result.rows[0] ? toEntry(resource, result.rows[0]) : null;
  });
}

export async function remove(
  claims: Claims,
  name: string,
  id: number,
): Promise<void> {
  const resource = requireResource(name);
  await asUser(claims, (client) =>
    client.query(`delete from ${quote(tableOf(resource))} where id = $1`, [id]),
  );
}
