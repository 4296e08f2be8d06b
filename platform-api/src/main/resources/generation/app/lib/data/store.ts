import { useSyncExternalStore } from "react";

import { app } from "@/lib/app";

import type { Collection, Entry, Values } from "./types";

/**
 * A collection kept in this browser's localStorage, starting from seed rows.
 * The preview runs without a server; lib/data/postgres.ts or supabase.ts
 * read the same tables from a database once the app is exported.
 */
export function createCollection<T extends Entry>(
  key: string,
  seed: T[],
): Collection<T> {
  const storageKey = `kiln:${app.slug}:${key}`;
  const listeners = new Set<() => void>();
  let rows: T[] | null = null;

  function load(): T[] {
    if (rows) {
      return rows;
    }
    if (typeof window === "undefined") {
      return seed;
    }
    try {
      const saved = window.localStorage.getItem(storageKey);
      rows = saved ? (JSON.parse(saved) as T[]) : seed;
    } catch {
      rows = seed;
    }
    return rows;
  }

  function save(next: T[]) {
    rows = next;
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage is full or blocked: keep the rows in memory for this visit.
    }
    listeners.forEach((listener) => listener());
  }

  function subscribe(listener: () => void) {
    const onStorage = (event: StorageEvent) => {
      if (event.key === storageKey) {
        rows = null;
        listener();
      }
    };
    listeners.add(listener);
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("storage", onStorage);
    };
  }

  function create(values: Values<T>): T {
    const now = new Date().toISOString();
    const id = load().reduce((max, row) => Math.max(max, row.id), 0) + 1;
    const row = { ...values, id, createdAt: now, updatedAt: now } as T;
    save([...load(), row]);
    return row;
  }

  function update(id: number, values: Values<T>): T | undefined {
    const current = load().find((row) => row.id === id);
    if (!current) {
      return undefined;
    }
    const row = { ...current, ...values, updatedAt: new Date().toISOString() };
    save(load().map((other) => (other.id === id ? row : other)));
    return row;
  }

  return {
    key,
    seed,
    subscribe,
    list: load,
    get: (id) => load().find((row) => row.id === id),
    create,
    update,
    remove: (id) => save(load().filter((row) => row.id !== id)),
  };
}

function serverRows(): null {
  return null;
}

/** The rows of a collection; null while the page is prerendered or hydrating. */
export function useRows<T extends Entry>(
  collection: Collection<T>,
): T[] | null {
  return useSyncExternalStore(
    collection.subscribe,
    collection.list,
    serverRows,
  );
}

/** Several collections read as one: subscribe once, one stable snapshot. */
export type Combined = {
  subscribe(listener: () => void): () => void;
  snapshot(): Entry[][];
};

export function combine(collections: Collection<Entry>[]): Combined {
  let last: Entry[][] = [];
  return {
    subscribe(listener) {
      const stops = collections.map((c) => c.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
    snapshot() {
      const lists = collections.map((c) => c.list());
      const same =
        lists.length === last.length &&
        lists.every((list, i) => list === last[i]);
      if (!same) {
        last = lists;
      }
      return last;
    },
  };
}

/** The rows of every combined collection, in order; null while prerendering. */
export function useCombined(combined: Combined): Entry[][] | null {
  return useSyncExternalStore(
    combined.subscribe,
    combined.snapshot,
    serverRows,
  );
}
