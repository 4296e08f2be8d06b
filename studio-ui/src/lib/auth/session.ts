/** What the auth endpoints answer: a fresh access token and the rotated refresh token. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives (about 15 minutes). */
  expiresIn: number;
}

/** `restoring` while a stored refresh token is exchanged at start-up. */
export type SessionStatus = "restoring" | "signed-in" | "signed-out";

/** The server refused the refresh token (used, expired or revoked): the session is over. */
export class SessionEnded extends Error {
  override readonly name = "SessionEnded";
  constructor() {
    super("Your session has ended. Log in again.");
  }
}

export interface SessionOptions {
  /** Where the refresh token is kept across reloads (and shared by the tabs of the origin). */
  storage: Storage;
  /** Exchanges a refresh token: new tokens, null when the server refuses it, throws otherwise. */
  refresh: (refreshToken: string) => Promise<Tokens | null>;
  /** Serialises refreshes across tabs, so two tabs never spend the same rotating token. */
  locks?: LockManager | undefined;
  now?: () => number;
}

export interface Session {
  status: () => SessionStatus;
  /** Calls `listener` whenever the status changes; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** A current access token, refreshed first when it is about to expire; null when signed out. */
  accessToken(): Promise<string | null>;
  /**
   * A token to retry with after the server rejected `rejected`: the current one if another call
   * refreshed meanwhile, else a fresh one. Concurrent callers share one refresh request.
   */
  tokenAfterRejection(rejected: string): Promise<string>;
  /** The stored refresh token (for logging out), if any. */
  refreshToken(): string | null;
  /** Exchanges the stored refresh token after a reload; a refusal signs out, other errors throw. */
  restore(): Promise<void>;
  start(tokens: Tokens): void;
  end(): void;
}

/** The storage key of the refresh token. */
export const REFRESH_TOKEN_KEY = "kiln.refreshToken";
const LOCK_NAME = "kiln.refresh";
/** Refresh this long before the access token expires, so calls rarely meet a 401. */
const EARLY_MS = 30_000;

/**
 * The studio's session: the access token in memory only, the refresh token in storage. Every
 * refresh in this tab goes through one in-flight promise (the refresh token rotates on every use:
 * two requests with the same one would revoke the whole session), and across tabs through a Web
 * Lock, reading the token from storage inside it.
 */
export function createSession({
  storage,
  refresh,
  locks,
  now = Date.now,
}: SessionOptions): Session {
  let access: { token: string; expiresAt: number } | null = null;
  let status: SessionStatus = storage.getItem(REFRESH_TOKEN_KEY) ? "restoring" : "signed-out";
  let inFlight: Promise<string> | null = null;
  const listeners = new Set<() => void>();

  function setStatus(next: SessionStatus) {
    if (next === status) return;
    status = next;
    listeners.forEach((listener) => {
      listener();
    });
  }

  function start(tokens: Tokens) {
    access = { token: tokens.accessToken, expiresAt: now() + tokens.expiresIn * 1000 };
    storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    setStatus("signed-in");
  }

  function end() {
    access = null;
    storage.removeItem(REFRESH_TOKEN_KEY);
    setStatus("signed-out");
  }

  async function rotate(): Promise<string> {
    const stored = storage.getItem(REFRESH_TOKEN_KEY);
    if (!stored) throw new SessionEnded();
    const tokens = await refresh(stored);
    if (!tokens) throw new SessionEnded();
    start(tokens);
    return tokens.accessToken;
  }

  async function exclusive(): Promise<string> {
    return locks ? await locks.request(LOCK_NAME, rotate) : rotate();
  }

  function refreshOnce(): Promise<string> {
    inFlight ??= exclusive()
      .catch((error: unknown) => {
        if (error instanceof SessionEnded) end();
        throw error;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async accessToken() {
      if (access && access.expiresAt - EARLY_MS > now()) return access.token;
      if (!storage.getItem(REFRESH_TOKEN_KEY)) return null;
      return refreshOnce();
    },
    tokenAfterRejection(rejected) {
      if (access && access.token !== rejected) return Promise.resolve(access.token);
      return refreshOnce();
    },
    refreshToken: () => storage.getItem(REFRESH_TOKEN_KEY),
    async restore() {
      if (status !== "restoring") return;
      try {
        await refreshOnce();
      } catch (error) {
        if (!(error instanceof SessionEnded)) throw error;
      }
    },
    start,
    end,
  };
}
