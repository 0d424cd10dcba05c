import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/server/domain/api-tokens";
import { TOOL_NAMES } from "@/server/tools";
import type { DomainContext } from "@/server/domain/context";
import { createTestDatabase, createTestUser, testDriver, type TestDatabase } from "../support/database";
import { serveMcp } from "./mcp-helpers";

/** `npm run mcp` as a desktop client runs it: a child process spoken to over stdio by the SDK's client. */

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/mcp-stdio.ts");
let database: TestDatabase;
let server: Awaited<ReturnType<typeof serveMcp>>;
let alice: DomainContext;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await createTestUser(database.handle, { now: () => new Date() });
  server = await serveMcp(database.handle.db);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

function stdioTransport(args: string[], env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string"));
  // DATABASE_URL from the developer's shell must not switch the script to direct mode unless a test asks for it.
  delete inherited.DATABASE_URL;
  return new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", SCRIPT, ...args],
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...inherited, ...env },
    stderr: "pipe",
  });
}

async function connect(args: string[], env?: Record<string, string>) {
  const client = new Client({ name: "desktop-test", version: "1.0.0" });
  clients.push(client);
  await client.connect(stdioTransport(args, env));
  return client;
}

/** Connecting must fail; returns what the script printed on stderr. */
async function failureMessage(args: string[]): Promise<string> {
  const transport = stdioTransport(args);
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "desktop-test", version: "1.0.0" });
  await expect(client.connect(transport)).rejects.toThrow();
  return stderr;
}

describe("npm run mcp (stdio)", () => {
  it("proxies to the running app's HTTP endpoint with --url, until the token is revoked", async () => {
    const { id, token } = await createApiToken(alice, { name: "desktop" });
    const client = await connect(["--token", token, "--url", server.url.origin]);
    expect((await client.listTools()).tools).toHaveLength(TOOL_NAMES.length);
    const added = await client.callTool({ name: "add_task", arguments: { title: "From the desktop", due_date: "tomorrow" } });
    expect(added.structuredContent).toMatchObject({ task: { title: "From the desktop", all_day: true } });

    await revokeApiToken(alice, { id });
    await expect(client.callTool({ name: "list_tasks", arguments: {} })).rejects.toThrow(/401|Unauthorized/i);
  }, 60_000);

  it("stops with a clear message for a bad token or an unreachable app", async () => {
    expect(await failureMessage(["--token", "cad_nope", "--url", server.url.origin])).toContain("invalid, expired or was revoked");
    expect(await failureMessage(["--token", "cad_nope", "--url", "http://127.0.0.1:9"])).toContain("not reachable at http://127.0.0.1:9");
  }, 60_000);

  it.skipIf(testDriver() !== "postgres")("talks to PostgreSQL directly when DATABASE_URL is set", async () => {
    const { token } = await createApiToken(alice, { name: "direct" });
    const client = await connect(["--token", token], { DATABASE_URL: database.url! });
    const result = await client.callTool({ name: "add_task", arguments: { title: "Direct" } });
    expect(result.structuredContent).toMatchObject({ task: { title: "Direct" } });
  }, 60_000);
});
