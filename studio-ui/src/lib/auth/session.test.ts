import { describe, expect, it, vi } from "vitest";
import { createSession, type Tokens } from "./session";

function tokens(n: number, expiresIn = 900): Tokens {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn };
}

describe("the session", () => {
  it("keeps the refresh token in storage and the access token only in memory", () => {
    const session = createSession({ storage: localStorage, refresh: vi.fn() });
    session.start(tokens(1));
    expect(localStorage.getItem("kiln.refreshToken")).toBe("refresh-1");
    const stored = Array.from({ length: localStorage.length }, (_, i) =>
      localStorage.getItem(localStorage.key(i) ?? ""),
    );
    expect(stored).not.toContain("access-1");
  });

  it("refreshes before the access token expires, with the token another tab may have rotated", async () => {
    let now = 0;
    const refresh = vi.fn((token: string) => Promise.resolve(token === "refresh-from-other-tab" ? tokens(3) : null));
    const session = createSession({ storage: localStorage, refresh, now: () => now });
    session.start(tokens(1));

    await expect(session.accessToken()).resolves.toBe("access-1");
    localStorage.setItem("kiln.refreshToken", "refresh-from-other-tab");
    now = 880_000; // 20 s before the 900 s expiry
    await expect(session.accessToken()).resolves.toBe("access-3");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("restores a stored session after a reload, or signs out when the server refuses it", async () => {
    localStorage.setItem("kiln.refreshToken", "refresh-1");
    const restored = createSession({ storage: localStorage, refresh: () => Promise.resolve(tokens(2)) });
    expect(restored.status()).toBe("restoring");
    await restored.restore();
    expect(restored.status()).toBe("signed-in");

    const refused = createSession({ storage: localStorage, refresh: () => Promise.resolve(null) });
    await refused.restore();
    expect(refused.status()).toBe("signed-out");
    expect(localStorage.getItem("kiln.refreshToken")).toBeNull();
  });

  it("stays restoring when the server cannot be reached, so the user can try again", async () => {
    localStorage.setItem("kiln.refreshToken", "refresh-1");
    const session = createSession({
      storage: localStorage,
      refresh: () => Promise.reject(new Error("offline")),
    });
    await expect(session.restore()).rejects.toThrow("offline");
    expect(session.status()).toBe("restoring");
    expect(localStorage.getItem("kiln.refreshToken")).toBe("refresh-1");
  });
});
