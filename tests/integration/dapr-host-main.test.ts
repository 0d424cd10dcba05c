import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/free-port";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";
import { waitFor } from "./relay-helpers";

const root = path.resolve(import.meta.dirname, "../..");
const entry = path.join(import.meta.dirname, "dapr-host-fixture-worker.ts");

function runWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describe("worker process entry point", () => {
  it("refuses to start without DATABASE_URL, naming the variable, with a non-zero exit", async () => {
    const worker = runWorker({ PORT: "3999" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("DATABASE_URL is required");
  });

  it("stops with a clear message on invalid configuration", async () => {
    const worker = runWorker({ PORT: "not-a-port", DATABASE_URL: "postgres://localhost/x" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("PORT");
  });

  it.runIf(testDriver() === "postgres")("serves the Dapr app API and exits cleanly on SIGTERM", async () => {
    database = await createTestDatabase();
    const port = await freePort();
    const worker = runWorker({ PORT: String(port), DATABASE_URL: database.url ?? "" });
    const status = await waitFor(
      () => fetch(`http://127.0.0.1:${port}/dapr/subscribe`).then((r) => r.status, () => 0),
      (code) => code === 200,
    );
    expect(status).toBe(200);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });
});
