import type http from "node:http";
import { trustedOriginList, type Env } from "@/server/env";
import { realtimeConnectSources } from "@/server/realtime/client-config";
import { checkBodySize } from "./body-limits";
import { allowedOrigins, checkOrigin } from "./origin-check";
import { applySecurityHeaders } from "./security-headers";

/**
 * What every request passes before any handler sees it: the security headers (and the CSP nonce for Next.js),
 * the Origin check for cookie-authenticated writes, and the body size limit. Returns false when it already
 * answered (403 / 411 / 413).
 */
export function createRequestGuard(input: { env: Env; baseURL: string; dev: boolean }) {
  const security = { dev: input.dev, trustProxy: input.env.TRUST_PROXY === "true", connectSources: realtimeConnectSources(input.env) };
  const origins = allowedOrigins({ baseURL: input.baseURL, port: input.env.PORT, trusted: trustedOriginList(input.env) });
  const refuse = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ error: message }));
    return false;
  };
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    // Better Auth rate-limits sign-in per X-Forwarded-For; unless a trusted proxy sets it, it is the socket's
    // address, so a client cannot dodge the limit by sending a new made-up address with every try.
    if (!security.trustProxy) {
      const peer = (req.socket as { remoteAddress?: string } | null)?.remoteAddress;
      if (peer) req.headers["x-forwarded-for"] = peer;
      else delete req.headers["x-forwarded-for"];
    }
    applySecurityHeaders(req, res, security);
    const origin = checkOrigin(req, origins);
    if (!origin.ok) return refuse(res, 403, origin.reason);
    const size = checkBodySize(req);
    if (!size.ok) return refuse(res, size.status, size.message);
    return true;
  };
}
