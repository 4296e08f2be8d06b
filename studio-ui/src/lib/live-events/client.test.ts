import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLiveEventsClient, type Network, type SocketEvents, type StreamHandlers } from "./client";
import type { LiveEvent } from "./live-event";

/** A WebSocket the test plays the server of. */
class FakeSocket {
  readonly sent: Record<string, unknown>[] = [];
  closed = false;

  constructor(
    readonly url: string,
    private readonly events: SocketEvents,
  ) {}

  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }

  close() {
    this.closed = true;
  }

  accept() {
    this.events.open();
  }

  receive(frame: unknown) {
    this.events.message(JSON.stringify(frame));
  }

  drop() {
    this.events.close();
  }
}

const STREAM = { orgId: "o1", projectId: "p1", generationId: "g1" };

function event(seq: number, generationId = "g1"): LiveEvent {
  return {
    seq,
    generationId,
    projectId: "p1",
    type: "build_progress",
    stage: "build",
    at: `2026-11-30T09:00:${String(seq).padStart(2, "0")}.5Z`,
    data: { lines: [`line ${seq}`] },
  };
}

function recorder() {
  const seqs: number[] = [];
  const handlers: StreamHandlers & { errors: string[]; subscribed: number } = {
    errors: [],
    subscribed: 0,
    onEvent: (e) => seqs.push(e.seq),
    onSubscribed: () => {
      handlers.subscribed += 1;
    },
    onError: (message) => handlers.errors.push(message),
  };
  return { seqs, handlers };
}

function setUp() {
  const sockets: FakeSocket[] = [];
  let online = true;
  let onNetworkChange: (() => void) | undefined;
  const network: Network = {
    online: () => online,
    subscribe(onChange) {
      onNetworkChange = onChange;
      return () => {
        onNetworkChange = undefined;
      };
    },
  };
  let tickets = 0;
  const catchUp = vi.fn<(stream: typeof STREAM, afterSeq: number) => Promise<LiveEvent[]>>();
  const client = createLiveEventsClient({
    url: "ws://studio.test/api/v1/ws",
    ticket: () => Promise.resolve(`ticket-${++tickets}`),
    catchUp,
    createSocket: (url, events) => {
      const socket = new FakeSocket(url, events);
      sockets.push(socket);
      return socket;
    },
    network,
    delay: (attempt) => 1000 * 2 ** attempt,
    lingerMs: 5000,
  });
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  };
  const setOnline = (value: boolean) => {
    online = value;
    onNetworkChange?.();
  };
  return { client, sockets, latest, catchUp, setOnline, tickets: () => tickets };
}

/** Lets the ticket promise settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the live events client", () => {
  it("opens one connection with a fresh ticket and subscribes every stream on it", async () => {
    const { client, sockets, latest } = setUp();
    const statuses: string[] = [];
    client.subscribe(() => statuses.push(client.status()));

    client.followProject({ orgId: "o1", projectId: "p1" }, recorder().handlers);
    client.followGeneration({ ...STREAM, afterSeq: 7 }, recorder().handlers);
    await settle();
    latest().accept();

    expect(sockets).toHaveLength(1);
    expect(latest().url).toBe("ws://studio.test/api/v1/ws?ticket=ticket-1");
    expect(latest().sent).toEqual([
      { action: "subscribe", orgId: "o1", projectId: "p1" },
      { action: "subscribe", orgId: "o1", generationId: "g1", afterSeq: 7 },
    ]);
    expect(statuses).toEqual(["connecting", "connected"]);
  });

  it("gives each event once and in order, whatever copies the project and generation streams send", async () => {
    const { client, latest } = setUp();
    const generation = recorder();
    const project = recorder();
    client.followGeneration({ ...STREAM, afterSeq: 0 }, generation.handlers);
    client.followProject({ orgId: "o1", projectId: "p1" }, project.handlers);
    await settle();
    latest().accept();

    // The project stream's live copy of 3 arrives before the generation stream's replay of 1 and 2.
    for (const seq of [3, 1, 2, 3, 2, 4]) latest().receive(event(seq));

    expect(generation.seqs).toEqual([1, 2, 3, 4]);
    expect(project.seqs).toEqual([3, 4]);
  });

  it("reconnects with backoff after a drop and resumes each stream where it stood", async () => {
    const { client, sockets, latest, tickets } = setUp();
    const generation = recorder();
    const project = recorder();
    client.followGeneration({ ...STREAM, afterSeq: 0 }, generation.handlers);
    client.followProject({ orgId: "o1", projectId: "p1" }, project.handlers);
    await settle();
    latest().accept();
    for (const seq of [1, 2, 3]) latest().receive(event(seq));

    latest().drop();
    expect(client.status()).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tickets()).toBe(2);

    // The second attempt fails too: it waits twice as long.
    latest().drop();
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    expect(latest().url).toBe("ws://studio.test/api/v1/ws?ticket=ticket-3");

    latest().accept();
    expect(client.status()).toBe("connected");
    expect(latest().sent).toEqual([
      { action: "subscribe", orgId: "o1", generationId: "g1", afterSeq: 3 },
      { action: "subscribe", orgId: "o1", projectId: "p1", since: event(3).at },
    ]);
    // The project replay starts at the last event's time: 3 comes again and is dropped.
    for (const seq of [3, 4]) latest().receive(event(seq));
    expect(generation.seqs).toEqual([1, 2, 3, 4]);
    expect(project.seqs).toEqual([1, 2, 3, 4]);
  });

  it("tells a project follower each time it is subscribed again, so it can refetch", async () => {
    const { client, latest } = setUp();
    const project = recorder();
    client.followProject({ orgId: "o1", projectId: "p1" }, project.handlers);
    await settle();
    latest().accept();
    latest().receive({ type: "subscribed", projectId: "p1" });
    latest().drop();
    await vi.advanceTimersByTimeAsync(1000);
    latest().accept();
    latest().receive({ type: "subscribed", projectId: "p1" });

    expect(project.handlers.subscribed).toBe(2);
  });

  it("fetches what a resynced generation missed over HTTP, then subscribes again after it", async () => {
    const { client, latest, catchUp } = setUp();
    const generation = recorder();
    catchUp.mockResolvedValue([event(3), event(4), event(5)]);
    client.followGeneration({ ...STREAM, afterSeq: 0 }, generation.handlers);
    await settle();
    latest().accept();
    latest().receive(event(1));
    latest().receive(event(2));

    latest().receive({ type: "resync", generationId: "g1", lastSeq: 5 });
    await settle();

    expect(catchUp).toHaveBeenCalledWith(expect.objectContaining(STREAM), 2);
    expect(generation.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(latest().sent.at(-1)).toEqual({ action: "subscribe", orgId: "o1", generationId: "g1", afterSeq: 5 });
    latest().receive(event(5));
    latest().receive(event(6));
    expect(generation.seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("resubscribes a resynced project from the last event it gave", async () => {
    const { client, latest } = setUp();
    client.followProject({ orgId: "o1", projectId: "p1" }, recorder().handlers);
    await settle();
    latest().accept();
    latest().receive(event(1));

    latest().receive({ type: "resync", projectId: "p1", since: "2026-11-30T09:00:00Z" });

    expect(latest().sent.at(-1)).toEqual({ action: "subscribe", orgId: "o1", projectId: "p1", since: event(1).at });
  });

  it("waits while the browser is offline and reconnects at once when it is back", async () => {
    const { client, sockets, latest, setOnline } = setUp();
    client.followGeneration({ ...STREAM, afterSeq: 0 }, recorder().handlers);
    await settle();
    latest().accept();

    setOnline(false);
    expect(latest().closed).toBe(true);
    expect(client.status()).toBe("offline");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);

    setOnline(true);
    await settle();
    expect(sockets).toHaveLength(2);
    expect(client.status()).toBe("reconnecting");
    latest().accept();
    expect(client.status()).toBe("connected");
  });

  it("says when the server refuses a subscription", async () => {
    const { client, latest } = setUp();
    const generation = recorder();
    client.followGeneration({ ...STREAM, afterSeq: 0 }, generation.handlers);
    await settle();
    latest().accept();
    latest().receive({ type: "error", code: "not-found", message: "No such org.", generationId: "g1" });

    expect(generation.handlers.errors).toEqual(["No such org."]);
  });

  it("unsubscribes a stream nobody follows and closes the connection a while after the last one", async () => {
    const { client, sockets, latest } = setUp();
    const stopProject = client.followProject({ orgId: "o1", projectId: "p1" }, recorder().handlers);
    await settle();
    latest().accept();
    stopProject();
    expect(latest().sent.at(-1)).toEqual({ action: "unsubscribe", projectId: "p1" });

    // A page change: the next page follows within the linger and reuses the connection.
    await vi.advanceTimersByTimeAsync(4000);
    const stopGeneration = client.followGeneration({ ...STREAM, afterSeq: 0 }, recorder().handlers);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(1);
    expect(latest().closed).toBe(false);

    stopGeneration();
    await vi.advanceTimersByTimeAsync(5000);
    expect(latest().closed).toBe(true);
    expect(client.status()).toBe("idle");
  });
});
