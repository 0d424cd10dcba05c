// TEMPORARY harness (not committed): the app's route handlers without Next, to test the bench flow.
import http from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/http-context";
import { getRuntime } from "@/server/runtime";
const runtime = await getRuntime();
http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const url = `http://localhost:${process.env.PORT}${req.url}`;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
  let response: Response;
  if (req.url?.startsWith("/api/health")) response = Response.json({ status: "ok" });
  else if (req.url?.startsWith("/api/auth")) response = await runtime.auth.handler(request);
  else response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createHttpContext(runtime, request.headers) });
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => { if (k !== "set-cookie") out[k] = v; });
  const cookies = response.headers.getSetCookie(); if (cookies.length) out["set-cookie"] = cookies;
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}).listen(Number(process.env.PORT));
