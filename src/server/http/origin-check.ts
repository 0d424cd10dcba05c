import type http from "node:http";

/** Paths whose state-changing requests must come from the app's own pages (or carry a Bearer token). */
const GUARDED_PREFIXES = ["/api/trpc/", "/api/mcp", "/api/pusher/auth"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** The origins the app's pages are served from: its public URL, loopback on its port, and configured extras. */
export function allowedOrigins(input: { baseURL: string; port: number; trusted: string[] }): Set<string> {
  const origins = [input.baseURL, `http://localhost:${input.port}`, `http://127.0.0.1:${input.port}`, ...input.trusted];
  return new Set(origins.map(originOf).filter((origin): origin is string => origin !== null));
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Refuses cross-site writes that ride on the session cookie. Browsers send `Origin` (and `Sec-Fetch-Site`) on every
 * cross-origin POST, so a request from another site is recognised even when SameSite or CORS would not stop it.
 * Requests with neither header come from non-browser clients, which cannot carry a victim's cookies; requests with
 * a Bearer token are authenticated by the token alone.
 */
export function checkOrigin(req: http.IncomingMessage, allowed: Set<string>): OriginVerdict {
  const url = req.url ?? "/";
  if (SAFE_METHODS.has(req.method ?? "GET")) return { ok: true };
  if (!GUARDED_PREFIXES.some((prefix) => url.startsWith(prefix))) return { ok: true };
  if (/^Bearer\s+\S/i.test(header(req, "authorization") ?? "")) return { ok: true };
  const origin = header(req, "origin");
  const fetchSite = header(req, "sec-fetch-site");
  if (origin !== undefined && origin !== "null") {
    if (allowed.has(origin)) return { ok: true };
    // Same host as the request itself: the app reached under a name the operator did not list (e.g. a LAN address).
    const host = header(req, "host");
    if (host && originOf(origin) !== null && new URL(origin).host === host && fetchSite !== "cross-site") return { ok: true };
    return { ok: false, reason: `Origin ${origin} is not allowed` };
  }
  if (origin === "null") return { ok: false, reason: "Opaque origin is not allowed" };
  if (fetchSite === undefined || fetchSite === "same-origin" || fetchSite === "none") return { ok: true };
  return { ok: false, reason: `Cross-site request (Sec-Fetch-Site: ${fetchSite}) is not allowed` };
}
