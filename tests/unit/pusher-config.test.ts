import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { channelSigningCredentials, realtimeClientConfig } from "@/server/realtime/client-config";
import { embeddedPusherCredentials, pusherOptions, usesBuiltInPusher } from "@/server/realtime/publisher";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-pusher-config-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const credentials = { PUSHER_APP_ID: "app-1", PUSHER_KEY: "key-1", PUSHER_SECRET: "secret-1" };
const env = (extra: Record<string, string> = {}) => parseEnv({ DATA_DIR: dataDir, PORT: "4100", ...extra });

describe("which Pusher endpoint each process uses", () => {
  it("the app serves the built-in endpoint with the configured credentials when no external host or cluster is set", () => {
    const app = env(credentials);
    expect(usesBuiltInPusher(app)).toBe(true);
    expect(pusherOptions(app)).toEqual({ appId: "app-1", key: "key-1", secret: "secret-1", host: "127.0.0.1", port: "4100", useTLS: false });
    expect(realtimeClientConfig(app)).toEqual({ key: "key-1", wsHost: null, wsPort: null, forceTLS: null, cluster: "local" });
    expect(channelSigningCredentials(app)).toEqual({ key: "key-1", secret: "secret-1" });
  });

  it("without credentials the built-in endpoint uses the ones generated into DATA_DIR", () => {
    const app = env();
    const generated = embeddedPusherCredentials(app);
    expect(pusherOptions(app)).toMatchObject({ ...generated, host: "127.0.0.1", port: "4100" });
    expect(realtimeClientConfig(app).key).toBe(generated.key);
  });

  it("a standalone realtime worker publishes to the app's endpoint named by PUSHER_HOST/PUSHER_PORT", () => {
    const worker = env({ ...credentials, PORT: "4200", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "4100", PUSHER_USE_TLS: "false" });
    expect(usesBuiltInPusher(worker)).toBe(false);
    expect(pusherOptions(worker)).toEqual({ appId: "app-1", key: "key-1", secret: "secret-1", host: "127.0.0.1", port: "4100", useTLS: false });
  });

  it("PUSHER_CLUSTER means Pusher Channels: no built-in endpoint, browsers connect to the cluster", () => {
    const app = env({ ...credentials, PUSHER_CLUSTER: "eu" });
    expect(usesBuiltInPusher(app)).toBe(false);
    expect(pusherOptions(app)).toEqual({ appId: "app-1", key: "key-1", secret: "secret-1", cluster: "eu", useTLS: true });
    expect(realtimeClientConfig(app)).toEqual({ key: "key-1", wsHost: null, wsPort: null, forceTLS: null, cluster: "eu" });
  });
});
