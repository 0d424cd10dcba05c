import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/server/db/client";
import { handleMcpRequest } from "@/server/tools/mcp-http";

/**
 * Serves `handleMcpRequest` (what the Next route /api/mcp adapts) over node:http on the loopback address,
 * converting node:http ↔ Fetch as Next does for route handlers.
 */
export async function serveMcp(db: Database, options: { now?: () => Date } = {}): Promise<{ url: URL; close(): Promise<void> }> {
  let origin = "http://127.0.0.1";
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length > 0 && req.method !== "GET" ? Buffer.concat(chunks) : undefined;
    const request = new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
    const response = await handleMcpRequest(request, { db, ...(options.now ? { now: options.now } : {}) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  }
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: new URL("/api/mcp", origin),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
