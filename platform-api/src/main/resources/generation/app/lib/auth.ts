import { useSyncExternalStore } from "react";

import { app } from "@/lib/app";

/**
 * Sign-in for the preview: accounts live in this browser only, and a demo
 * account is signed in at first. Replace with Supabase Auth (or your own
 * identity provider) when exporting; see README.md.
 */
export type Session = { name: string; email: string };

type Account = Session & { passwordHash: string };

export const DEMO_ACCOUNT = {
  email: "demo@example.com",
  password: "demo-password",
};

const SESSION_KEY = `kiln:${app.slug}:session`;
const ACCOUNTS_KEY = `kiln:${app.slug}:accounts`;
const SIGNED_OUT = "signed-out";
const DEMO_SESSION: Session = { name: "Demo User", email: DEMO_ACCOUNT.email };
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } | null = null;

// localStorage, or this page's memory where the browser blocks storage (as in a
// preview framed by another site).
const memory = new Map<string, string>();

function getItem(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function setItem(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}

function readSession(): Session | null {
  const raw = getItem(SESSION_KEY);
  if (cached && cached.raw === raw) {
    return cached.session;
  }
  let session: Session | null = DEMO_SESSION;
  if (raw === SIGNED_OUT) {
    session = null;
  } else if (raw) {
    try {
      session = JSON.parse(raw) as Session;
    } catch {
      session = DEMO_SESSION;
    }
  }
  cached = { raw, session };
  return session;
}

function writeSession(value: string) {
  setItem(SESSION_KEY, value);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function prerendered(): undefined {
  return undefined;
}

/** The signed-in user, null when signed out, undefined while prerendering. */
export function useSession(): Session | null | undefined {
  return useSyncExternalStore(subscribe, readSession, prerendered);
}

export function signOut() {
  writeSession(SIGNED_OUT);
}

/** Creates an account and signs it in; answers an error message or null. */
export async function signUp(
  name: string,
  email: string,
  password: string,
): Promise<string | null> {
  const all = accounts();
  const key = email.trim().toLowerCase();
  if (key === DEMO_ACCOUNT.email || all.some((a) => a.email === key)) {
    return "An account with this email already exists. Sign in instead.";
  }
  const account = {
    name: name.trim(),
    email: key,
    passwordHash: await hash(password),
  };
  setItem(ACCOUNTS_KEY, JSON.stringify([...all, account]));
  writeSession(JSON.stringify({ name: account.name, email: key }));
  return null;
}

/** Signs in; answers an error message or null. */
export async function signIn(
  email: string,
  password: string,
): Promise<string | null> {
  const key = email.trim().toLowerCase();
  if (key === DEMO_ACCOUNT.email && password === DEMO_ACCOUNT.password) {
    writeSession(JSON.stringify(DEMO_SESSION));
    return null;
  }
  const account = accounts().find((a) => a.email === key);
  if (!account || account.passwordHash !== (await hash(password))) {
    return "The email or password is not right.";
  }
  writeSession(JSON.stringify({ name: account.name, email: account.email }));
  return null;
}

function accounts(): Account[] {
  try {
    return JSON.parse(getItem(ACCOUNTS_KEY) ?? "[]");
  } catch {
    return [];
  }
}

async function hash(password: string): Promise<string> {
  const text = `${app.slug}:${password}`;
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(text),
    );
    return Array.from(new Uint8Array(digest), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
  }
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0).toString(16);
}
