import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startProcess, type StartedProcess } from "../lib/process";

export interface CountingSubscriber {
  port: number;
  /** Distinct event ids delivered so far. */
  received(): number;
  /** Resolves once `target` distinct events arrived; rejects after `timeoutMs`. */
  waitFor(target: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** `bulkSubscribe` as the worker host advertises it (workers/host/bulk.ts), or undefined = one POST per event. */
export interface BulkSubscribe {
  enabled: true;
  maxMessagesCount: number;
  maxAwaitDurationMs: number;
}

interface BulkBody {
  entries?: { entryId: string; event?: { id?: string } }[];
  id?: string;
}

/**
 * The smallest possible Dapr app: subscribes to one topic and answers SUCCESS to every delivery (or to every
 * entry of a bulk delivery), counting distinct event ids (a redelivery is not progress). Measures the relay +
 * sidecar path, not a worker's work.
 */
export async function startCountingSubscriber(topic: string, bulkSubscribe?: BulkSubscribe): Promise<CountingSubscriber> {
  const seen = new Set<string>();
  let waiter: { target: number; resolve: () => void } | undefined;
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/dapr/subscribe") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify([{ pubsubname: "pubsub", topic, route: "/events", ...(bulkSubscribe ? { bulkSubscribe } : {}) }]));
      return;
    }
    if (req.method === "POST" && req.url === "/events") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as BulkBody;
        let answer: unknown = { status: "SUCCESS" };
        if (Array.isArray(body.entries)) {
          for (const entry of body.entries) if (entry.event?.id) seen.add(entry.event.id);
          answer = { statuses: body.entries.map((entry) => ({ entryId: entry.entryId, status: "SUCCESS" })) };
        } else if (body.id) {
          seen.add(body.id);
        }
        if (waiter && seen.size >= waiter.target) waiter.resolve();
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => seen.size,
    waitFor(target, timeoutMs) {
      if (seen.size >= target) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`subscriber got ${seen.size}/${target} events in ${timeoutMs} ms`)), timeoutMs);
        waiter = {
          target,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface DaprDoubleProcess {
  /** The subscriber app's own sidecar port (its DAPR_HTTP_PORT). */
  sidecarPort: number;
  process: StartedProcess;
}

/** Starts the Dapr double as its own process (tests/support/dapr-double/cli.ts), like a real sidecar would be. */
export async function startDaprDoubleProcess(root: string, apps: { appId: string; appPort: number }[]): Promise<DaprDoubleProcess> {
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), "cadence-bench-dapr-")), "double.log");
  const started = startProcess({
    cmd: path.join(root, "node_modules/.bin/tsx"),
    args: [path.join(root, "tests/support/dapr-double/cli.ts"), JSON.stringify({ apps })],
    cwd: root,
    logFile,
  });
  const deadline = Date.now() + 30_000;
  let crashed: unknown;
  started.exited.catch((error: unknown) => (crashed = error));
  while (Date.now() < deadline) {
    if (crashed) throw new Error(`dapr double crashed: ${String(crashed)}\n${safeRead(logFile)}`);
    const ready = safeRead(logFile)
      .split("\n")
      .find((line) => line.startsWith('{"ready":true'));
    if (ready) {
      const parsed = JSON.parse(ready) as { sidecars: Record<string, number> };
      const sidecarPort = parsed.sidecars[apps[0]!.appId];
      if (!sidecarPort) throw new Error(`dapr double reported no sidecar for ${apps[0]!.appId}`);
      return { sidecarPort, process: started };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await started.stop();
  throw new Error(`dapr double not ready after 30 s:\n${safeRead(logFile)}`);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
