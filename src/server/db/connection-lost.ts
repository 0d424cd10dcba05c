import { errorChain } from "./error-chain";

/**
 * Errors that mean the connection went away under a statement (the server restarted or ended the session, the
 * socket was reset), not that the statement was wrong. postgres.js reports the first statement sent on a pooled
 * connection the server closed while it sat idle this way; the pool opens a new one for the next.
 */
const CONNECTION_LOST = new Set(["57P01", "57P02", "57P03", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNRESET", "EPIPE"]);

export function isConnectionLost(error: unknown): boolean {
  for (const { code } of errorChain(error)) if (typeof code === "string" && CONNECTION_LOST.has(code)) return true;
  return false;
}
