import { z } from "zod";
import { liveEventSchema, type LiveEvent } from "./live-event";

/**
 * The live events WebSocket (platform-api `events`): ONE connection per tab, opened with a
 * single-use ticket while something follows a stream and closed a little after the last one
 * stops. Each follower gets every event once and, per generation, in seq order: after a dropped
 * connection the client reconnects with backoff and subscribes again from the last seq each
 * follower saw (a project from the last event's time), and on a `resync` (the server dropped a
 * subscription that fell behind) it fetches the missed events over HTTP before subscribing again.
 */

/** `connected`: subscriptions are live; `reconnecting`: lost, trying again; `offline`: the browser has no network. */
export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

export interface ProjectStream {
  orgId: string;
  projectId: string;
}

export interface GenerationStream extends ProjectStream {
  generationId: string;
}

export interface StreamHandlers {
  /** An event not given to this follower before; a generation's in seq order, without gaps. */
  onEvent: (event: LiveEvent) => void;
  /**
   * The server confirmed the subscription: once connected, and again after each reconnect or
   * resync. A project follower refetches what it shows here, since a project stream can only
   * resume from a time.
   */
  onSubscribed?: () => void;
  /** The server refused the subscription (not a member of the org, too many streams). */
  onError?: (message: string) => void;
}

/** The part of a WebSocket the client uses. */
export interface SocketLike {
  send: (text: string) => void;
  close: () => void;
}

export interface SocketEvents {
  open: () => void;
  message: (text: string) => void;
  close: () => void;
}

/** Whether the browser has a network, and when that changes. */
export interface Network {
  online: () => boolean;
  subscribe: (onChange: () => void) => () => void;
}

export interface LiveEventsOptions {
  /** The WebSocket's URL without its ticket, e.g. `wss://kiln.example/api/v1/ws`. */
  url: string;
  /** A fresh single-use ticket (`POST /api/v1/ws/tickets`); one per connection attempt. */
  ticket: () => Promise<string>;
  /** A generation's stored events after `afterSeq`, all of them (`GET .../events?after=`). */
  catchUp: (stream: GenerationStream, afterSeq: number) => Promise<LiveEvent[]>;
  createSocket?: (url: string, events: SocketEvents) => SocketLike;
  network?: Network;
  /** Milliseconds to wait before reconnection attempt `attempt` (0 for the first retry). */
  delay?: (attempt: number) => number;
  /** How long the connection stays open after its last follower stopped (a page change). */
  lingerMs?: number;
}

export interface LiveEventsClient {
  /** Follows a generation from after `afterSeq` (0: from its start); returns the unfollow function. */
  followGeneration: (stream: GenerationStream & { afterSeq: number }, handlers: StreamHandlers) => () => void;
  /** Follows every generation of a project, live from now on; returns the unfollow function. */
  followProject: (stream: ProjectStream, handlers: StreamHandlers) => () => void;
  status: () => ConnectionStatus;
  /** Calls `listener` whenever the status changes; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

const controlFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribed"), generationId: z.string().optional(), projectId: z.string().optional() }),
  z.object({ type: z.literal("unsubscribed") }),
  z.object({
    type: z.literal("resync"),
    generationId: z.string().optional(),
    projectId: z.string().optional(),
    since: z.string().optional(),
  }),
  z.object({
    type: z.literal("error"),
    message: z.string(),
    generationId: z.string().optional(),
    projectId: z.string().optional(),
  }),
]);
type ControlFrame = z.infer<typeof controlFrameSchema>;

interface Follower {
  handlers: StreamHandlers;
  /** The last seq given to this follower, per generation. */
  lastSeq: Map<string, number>;
  /** The latest `at` given to it (a project follower resumes from there). */
  lastAt: { at: string; ms: number } | null;
}

type Scope = ({ kind: "generation" } & GenerationStream) | ({ kind: "project" } & ProjectStream);

interface Stream {
  key: string;
  scope: Scope;
  followers: Set<Follower>;
  confirmed: boolean;
}

const keyOf = (scope: Scope) =>
  scope.kind === "generation" ? `generation:${scope.generationId}` : `project:${scope.projectId}`;

function browserSocket(url: string, events: SocketEvents): SocketLike {
  const socket = new WebSocket(url);
  socket.onopen = () => {
    events.open();
  };
  socket.onmessage = (message) => {
    if (typeof message.data === "string") events.message(message.data);
  };
  socket.onclose = () => {
    events.close();
  };
  return socket;
}

const browserNetwork: Network = {
  online: () => navigator.onLine,
  subscribe(onChange) {
    window.addEventListener("online", onChange);
    window.addEventListener("offline", onChange);
    return () => {
      window.removeEventListener("online", onChange);
      window.removeEventListener("offline", onChange);
    };
  },
};

/** Exponential backoff from half a second to 30 seconds, with jitter so tabs do not stampede. */
function backoff(attempt: number): number {
  const ceiling = Math.min(30_000, 500 * 2 ** attempt);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** Whether `follower` should get `event` of `stream`, recording it when so. */
function take(stream: Stream, follower: Follower, event: LiveEvent): boolean {
  const { scope } = stream;
  const last = follower.lastSeq.get(event.generationId);
  if (scope.kind === "generation") {
    // Seqs have no gaps: anything but the next one is a copy (or comes again in order later).
    if (event.generationId !== scope.generationId || event.seq !== (last ?? 0) + 1) return false;
  } else if (event.projectId !== scope.projectId || (last !== undefined && event.seq <= last)) {
    return false;
  }
  follower.lastSeq.set(event.generationId, event.seq);
  const ms = Date.parse(event.at);
  if (!follower.lastAt || ms >= follower.lastAt.ms) follower.lastAt = { at: event.at, ms };
  return true;
}

function subscribeMessage(stream: Stream): Record<string, unknown> {
  const followers = [...stream.followers];
  const { scope } = stream;
  if (scope.kind === "generation") {
    const afterSeq = Math.min(...followers.map((f) => f.lastSeq.get(scope.generationId) ?? 0));
    return { action: "subscribe", orgId: scope.orgId, generationId: scope.generationId, afterSeq };
  }
  const times = followers.flatMap((f) => (f.lastAt ? [f.lastAt] : []));
  const earliest = times.reduce<Follower["lastAt"]>((min, t) => (min === null || t.ms < min.ms ? t : min), null);
  return {
    action: "subscribe",
    orgId: scope.orgId,
    projectId: scope.projectId,
    ...(earliest ? { since: earliest.at } : {}),
  };
}

export function createLiveEventsClient({
  url,
  ticket,
  catchUp,
  createSocket = browserSocket,
  network = browserNetwork,
  delay = backoff,
  lingerMs = 5_000,
}: LiveEventsOptions): LiveEventsClient {
  const streams = new Map<string, Stream>();
  const listeners = new Set<() => void>();
  let status: ConnectionStatus = "idle";
  let socket: SocketLike | null = null;
  let open = false;
  let connecting = false;
  /** Bumped when a connection is abandoned, so its late callbacks do nothing. */
  let epoch = 0;
  let attempt = 0;
  /** The connection was lost (not closed by us): the next one is a reconnection. */
  let lost = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lingerTimer: ReturnType<typeof setTimeout> | undefined;

  function setStatus(next: ConnectionStatus) {
    if (next === status) return;
    status = next;
    listeners.forEach((listener) => {
      listener();
    });
  }

  function send(message: Record<string, unknown>) {
    if (open && socket) socket.send(JSON.stringify(message));
  }

  function deliver(stream: Stream, event: LiveEvent) {
    stream.followers.forEach((follower) => {
      if (take(stream, follower, event)) follower.handlers.onEvent(event);
    });
  }

  /** Fetches what a dropped generation subscription missed, then subscribes again after it. */
  async function resyncGeneration(stream: Stream, scope: GenerationStream) {
    stream.confirmed = false;
    const afterSeq = Math.min(...[...stream.followers].map((f) => f.lastSeq.get(scope.generationId) ?? 0));
    try {
      const missed = await catchUp(scope, afterSeq);
      if (streams.get(stream.key) === stream) missed.forEach((event) => { deliver(stream, event); });
    } catch {
      // The subscription below replays from the same seq.
    }
    if (streams.get(stream.key) === stream) send(subscribeMessage(stream));
  }

  function onControl(frame: ControlFrame) {
    if (frame.type === "unsubscribed") return;
    const key = frame.generationId ? `generation:${frame.generationId}` : `project:${frame.projectId ?? ""}`;
    const stream = streams.get(key);
    if (!stream) return;
    if (frame.type === "subscribed") {
      stream.confirmed = true;
      stream.followers.forEach((f) => f.handlers.onSubscribed?.());
    } else if (frame.type === "error") {
      stream.followers.forEach((f) => f.handlers.onError?.(frame.message));
    } else if (stream.scope.kind === "generation") {
      void resyncGeneration(stream, stream.scope);
    } else {
      stream.confirmed = false;
      const message = subscribeMessage(stream);
      send(frame.since && !("since" in message) ? { ...message, since: frame.since } : message);
    }
  }

  function onMessage(text: string) {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    const control = controlFrameSchema.safeParse(frame);
    if (control.success) {
      onControl(control.data);
      return;
    }
    const event = liveEventSchema.safeParse(frame);
    if (event.success) streams.forEach((stream) => { deliver(stream, event.data); });
  }

  function retry() {
    if (!network.online()) {
      setStatus("offline");
      return;
    }
    setStatus("reconnecting");
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (streams.size > 0) void connect();
      else setStatus("idle");
    }, delay(attempt));
    attempt += 1;
  }

  async function connect() {
    const mine = ++epoch;
    connecting = true;
    setStatus(lost ? "reconnecting" : "connecting");
    let issued: string;
    try {
      issued = await ticket();
    } catch {
      if (mine === epoch) {
        connecting = false;
        retry();
      }
      return;
    }
    if (mine !== epoch) return;
    connecting = false;
    if (streams.size === 0) {
      setStatus("idle");
      return;
    }
    const created: SocketLike = createSocket(`${url}?ticket=${encodeURIComponent(issued)}`, {
      open() {
        if (socket !== created) return;
        open = true;
        attempt = 0;
        lost = false;
        setStatus("connected");
        streams.forEach((stream) => { send(subscribeMessage(stream)); });
      },
      message(text) {
        if (socket === created) onMessage(text);
      },
      close() {
        if (socket !== created) return;
        socket = null;
        open = false;
        streams.forEach((stream) => { stream.confirmed = false; });
        if (streams.size === 0) {
          setStatus("idle");
          return;
        }
        lost = true;
        retry();
      },
    });
    socket = created;
  }

  function ensureConnection() {
    clearTimeout(lingerTimer);
    if (socket || connecting || retryTimer !== undefined) return;
    if (network.online()) void connect();
    else setStatus("offline");
  }

  /** Closes the connection and forgets any attempt in flight. */
  function shutDown() {
    epoch += 1;
    connecting = false;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const closing = socket;
    socket = null;
    open = false;
    closing?.close();
  }

  network.subscribe(() => {
    if (streams.size === 0) return;
    if (network.online()) {
      if (socket || connecting) return;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      attempt = 0;
      void connect();
    } else {
      shutDown();
      lost = true;
      setStatus("offline");
    }
  });

  function follow(scope: Scope, handlers: StreamHandlers, afterSeq = 0): () => void {
    const follower: Follower = { handlers, lastSeq: new Map(), lastAt: null };
    if (scope.kind === "generation") follower.lastSeq.set(scope.generationId, afterSeq);
    const key = keyOf(scope);
    const existing = streams.get(key);
    const stream: Stream = existing ?? { key, scope, followers: new Set(), confirmed: false };
    const replayFrom = existing && scope.kind === "generation" ? subscribeMessage(existing).afterSeq : null;
    stream.followers.add(follower);
    streams.set(key, stream);
    if (!existing || (typeof replayFrom === "number" && afterSeq < replayFrom)) {
      // A new stream, or a follower that needs events the others already have: (re)subscribe.
      send(subscribeMessage(stream));
    } else if (stream.confirmed) {
      queueMicrotask(() => handlers.onSubscribed?.());
    }
    ensureConnection();

    return () => {
      stream.followers.delete(follower);
      if (stream.followers.size > 0 || streams.get(key) !== stream) return;
      streams.delete(key);
      send(
        scope.kind === "generation"
          ? { action: "unsubscribe", generationId: scope.generationId }
          : { action: "unsubscribe", projectId: scope.projectId },
      );
      if (streams.size === 0) {
        clearTimeout(lingerTimer);
        lingerTimer = setTimeout(() => {
          if (streams.size > 0) return;
          shutDown();
          attempt = 0;
          lost = false;
          setStatus("idle");
        }, lingerMs);
      }
    };
  }

  return {
    followGeneration: ({ afterSeq, ...stream }, handlers) => follow({ kind: "generation", ...stream }, handlers, afterSeq),
    followProject: (stream, handlers) => follow({ kind: "project", ...stream }, handlers),
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
