import { randomBytes } from "node:crypto";
import type http from "node:http";
import type { TLSSocket } from "node:tls";

/**
 * Where browsers send Content-Security-Policy violation reports. Only `report-uri`: with a `report-to` group as well,
 * Chromium ignores report-uri and queues reports in the Reporting API, which in our runs delivered none within
 * 75 s, so a violation during a test run would go unnoticed.
 */
export const CSP_REPORT_PATH = "/api/csp-report";

export interface SecurityConfig {
  dev: boolean;
  /** Trust `X-Forwarded-Proto` from a TLS-terminating proxy in front of the app. */
  trustProxy: boolean;
  /** Extra `connect-src` sources, e.g. an external Pusher-protocol server's WebSocket origin. */
  connectSources: string[];
}

export const newNonce = (): string => randomBytes(16).toString("base64");

/**
 * The page policy: scripts only with this response's nonce (Next.js puts it on its own scripts when it finds it
 * in the request's CSP header), styles from the app plus inline style attributes (React/Radix positioning and
 * Tailwind's runtime values need them), connections, workers and the manifest only to the app itself.
 */
export function contentSecurityPolicy(nonce: string, config: SecurityConfig, tls: boolean): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce-bearing Next.js bootstrap load its chunks; dev mode's React needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'report-sample'${config.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...config.connectSources].join(" ")}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ];
  if (tls) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()";

/** Whether the browser reached the app over TLS: directly, or through a proxy the operator said to trust. */
export function isTls(req: http.IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as Partial<TLSSocket> | null)?.encrypted) return true;
  if (!trustProxy) return false;
  const forwarded = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/**
 * Sets the security headers on every response and, for Next.js to find it, the CSP (with its nonce) on the request.
 * Returns the nonce.
 */
export function applySecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse, config: SecurityConfig): string {
  const nonce = newNonce();
  const tls = isTls(req, config.trustProxy);
  const csp = contentSecurityPolicy(nonce, config, tls);
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (tls) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return nonce;
}
