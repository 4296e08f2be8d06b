/** 128 random bits as hex; unlike `crypto.randomUUID` this also works on plain-HTTP origins. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
