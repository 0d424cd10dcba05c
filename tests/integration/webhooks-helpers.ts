// Shared by the webhook tests: a loopback receiver that verifies with the maintained `standardwebhooks` package.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedRequest {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether `standardwebhooks` accepted the signature with each of the receiver's secrets. */
  verified: boolean[];
}

export interface Receiver {
  url: string;
  /** Every request, in arrival order (retries included). */
  requests: ReceivedRequest[];
  /** What an idempotent receiver processed: the first accepted request per webhook-id, in order. */
  processed: { id: string; event: { id: string; type: string; subject?: string; data: unknown } }[];
  /** Secrets the receiver verifies with; it answers 401 when none accepts the signature. */
  secrets: string[];
  /** Answer for the next request; default 204. Receives how many requests came before it. */
  respond: (requestIndex: number) => number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    requests: [],
    processed: [],
    secrets: [],
    respond: () => 204,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified = receiver.secrets.map((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const id = String(req.headers["webhook-id"] ?? "");
      const index = receiver.requests.length;
      receiver.requests.push({ id, headers: req.headers, body, verified });
      if (!verified.some(Boolean)) return void res.writeHead(401).end("bad signature");
      const status = receiver.respond(index);
      if (status >= 200 && status < 300 && !seen.has(id)) {
        seen.add(id);
        receiver.processed.push({ id, event: JSON.parse(body) as Receiver["processed"][number]["event"] });
      }
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "try again later");
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

/** Polls until the condition holds; fails with the given description after the timeout. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
