import type http from "node:http";
import { bodyLimitFor, LIMITS } from "@/server/limits";

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/**
 * Refuses oversized bodies before anything reads them, by their declared length. On the limited API routes a
 * body must declare its length (browsers' fetch and the MCP clients do), so chunked streaming cannot get around it.
 */
export function checkBodySize(req: http.IncomingMessage): BodyVerdict {
  const path = req.url ?? "/";
  const limit = bodyLimitFor(path);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    const length = Number(declared);
    if (Number.isFinite(length) && length > limit) {
      return { ok: false, status: 413, message: `Request body too large: at most ${limit} bytes for this route` };
    }
    return { ok: true };
  }
  const limitedRoute = LIMITS.bodyBytes.some((rule) => path.startsWith(rule.prefix));
  if (req.headers["transfer-encoding"] && limitedRoute) {
    return { ok: false, status: 411, message: "Request body must declare its Content-Length" };
  }
  return { ok: true };
}
