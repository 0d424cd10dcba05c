// The app side of the sidecar contract tests: a plain HTTP server standing where a Cadence worker stands. It
// records every call the sidecar makes (path, parsed body, headers), answers per path as a test scripts it, and
// can be stopped and started again on the same port (a worker that is down).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface AppCall {
  path: string;
  body: unknown;
  headers: http.IncomingHttpHeaders;
  /** How many calls on this path came before this one. */
  index: number;
}

/** An answer: status code and JSON body (undefined = empty body). */
export interface AppAnswer {
  status: number;
  body?: unknown;
}

export type Responder = (call: AppCall) => AppAnswer;

export interface ContractApp {
  port: number;
  calls(pathPrefix?: string): AppCall[];
  /** How the app answers calls whose path starts with `prefix` (the longest prefix wins). */
  answer(prefix: string, responder: Responder): void;
  /** Hands calls whose path starts with `prefix` to another server on 127.0.0.1 (a real worker host) and relays its answer. */
  forward(prefix: string, port: number): void;
  /** Resolves once `probe` holds on the recorded calls; rejects with what was seen after timeoutMs. */
  until(probe: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** SUCCESS for a single delivery, SUCCESS for every entry of a bulk one, 200 for a job. */
export function success(call: AppCall): AppAnswer {
  const entries = (call.body as { entries?: { entryId: string }[] } | null)?.entries;
  if (Array.isArray(entries)) return { status: 200, body: { statuses: entries.map((e) => ({ entryId: e.entryId, status: "SUCCESS" })) } };
  return { status: 200, body: call.path.startsWith("/job/") ? undefined : { status: "SUCCESS" } };
}

export async function startContractApp(options: { port?: number; subscriptions: unknown[] }): Promise<ContractApp> {
  const recorded: AppCall[] = [];
  const responders = new Map<string, Responder>();
  const forwards = new Map<string, number>();
  const perPath = new Map<string, number>();
  let server: http.Server | undefined;
  let port = options.port ?? 0;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, text: string) => {
    const path = req.url ?? "/";
    const reply = (answer: AppAnswer) => {
      res.writeHead(answer.status, answer.body === undefined ? {} : { "content-type": "application/json" });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    };
    if (req.method === "GET" && path === "/healthz") return reply({ status: 200, body: { status: "ok" } });
    if (req.method === "GET" && path === "/dapr/subscribe") return reply({ status: 200, body: options.subscriptions });
    if (req.method === "GET" && path === "/dapr/config") return reply({ status: 404 });
    let body: unknown = text;
    try {
      body = text === "" ? null : (JSON.parse(text) as unknown);
    } catch {
      // kept as text
    }
    const forwardTo = [...forwards].find(([prefix]) => path.startsWith(prefix))?.[1];
    if (forwardTo !== undefined) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k))) as Record<string, string>;
      void fetch(`http://127.0.0.1:${forwardTo}${path}`, { method: req.method, headers, body: req.method === "GET" ? undefined : text }).then(
        async (answer) => {
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
          res.end(await answer.text());
        },
        () => res.writeHead(502).end(),
      );
    }
    const index = perPath.get(path) ?? 0;
    perPath.set(path, index + 1);
    const call: AppCall = { path, body, headers: req.headers, index };
    recorded.push(call);
    if (forwardTo !== undefined) return;
    const prefix = [...responders.keys()].filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    reply((prefix === undefined ? success : responders.get(prefix)!)(call));
  };

  const app: ContractApp = {
    get port() {
      return port;
    },
    calls: (pathPrefix = "") => recorded.filter((c) => c.path.startsWith(pathPrefix)),
    answer: (prefix, responder) => void responders.set(prefix, responder),
    forward: (prefix, target) => void forwards.set(prefix, target),
    async until(probe, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!probe()) {
        if (Date.now() > deadline) {
          const seen = recorded.map((c) => `${c.path} ${JSON.stringify(c.body).slice(0, 300)}`).join("\n");
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the app saw:\n${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async start() {
      if (server) return;
      const created = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
      });
      await new Promise<void>((resolve, reject) => {
        created.once("error", reject);
        created.listen(port, "127.0.0.1", () => resolve());
      });
      server = created;
      port = (created.address() as AddressInfo).port;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (!current) return;
      await new Promise<void>((resolve) => {
        current.close(() => resolve());
        current.closeAllConnections();
      });
    },
    close: () => app.stop(),
  };
  await app.start();
  return app;
}
