/**
 * bench:push — reminders due in the same minute for many users with several devices, through the embedded path
 * (outbox → transport → reminders and notifications workers → Web Push) to the loopback push service double,
 * which decrypts every message. Reports push lateness after the due time (p50/p95/max; target p95 ≤ 1 s), the
 * held pushes' lateness after quiet hours end, duplicates and pushes during quiet hours, and the load average.
 *
 *   npm run bench:push -- [--users 20] [--devices 2] [--reminders 100] [--quiet-users 5] [--driver pglite|postgres]
 *     [--profile out.cpuprofile]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { startOutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerServices } from "@/server/events/worker-types";
import { parseEnv } from "@/server/env";
import { runEmbedded } from "@workers/host/embedded";
import { notificationsWorker } from "@workers/notifications";
import { createRemindersWorker } from "@workers/reminders";
import pino from "pino";
import { mkdtempSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, createTestUser } from "../../tests/support/database";
import { startPushServiceDouble } from "../../tests/support/push-double";
import { reportPushLoad, seedPushLoad } from "../../tests/support/push-double/scenario";
import { summarize } from "../lib/percentiles";
import { writeResult } from "../lib/results";
import { pushStages } from "./stages";
import { startProfile } from "../lib/profile";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "20" },
    devices: { type: "string", default: "2" },
    reminders: { type: "string", default: "100" },
    "quiet-users": { type: "string", default: "5" },
    driver: { type: "string", default: "pglite" },
    /** Writes a .cpuprofile of the delivery window (seeding excluded) to this path. */
    profile: { type: "string" },
  },
});
if (values.driver === "postgres") process.env.CADENCE_TEST_DRIVER = "postgres";
const plan = {
  users: Number(values.users),
  devicesPerUser: Number(values.devices),
  remindersTotal: Number(values.reminders),
  quietUsers: Number(values["quiet-users"]),
  timeZones: ["UTC", "Asia/Kolkata", "America/New_York", "Europe/Berlin"],
};

const log = pino({ level: "silent" });
const db = await createTestDatabase();
const push = await startPushServiceDouble();
const services: WorkerServices = { env: parseEnv({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "cadence-bench-push-")) }), db: db.handle, log };
const transport = createEmbeddedTransport({ db: db.handle.db, log, initialDelayMs: 10, maxDelayMs: 100 });
const workers = await runEmbedded([createRemindersWorker(), notificationsWorker], services, transport);
const relay = await startOutboxRelay({ db: db.handle, transport, log, sweepIntervalMs: 100 });
const loadBefore = os.loadavg();
try {
  const load = await seedPushLoad(db.handle, push, plan, (timeZone) => createTestUser(db.handle, { timeZone }), { leadMs: 10_000 });
  const profile = values.profile ? await startProfile() : undefined;
  const expected = plan.remindersTotal * plan.devicesPerUser;
  const deadline = load.quietEnd.getTime() + 60_000;
  while (reportPushLoad(load, push.received, plan.devicesPerUser).received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1_000));
  const report = reportPushLoad(load, push.received, plan.devicesPerUser);
  if (profile && values.profile) console.error(`CPU profile of the delivery window: ${await profile.stop(values.profile)}`);
  const lateness = summarize(report.lateness);
  const held = summarize(report.heldLateness);
  const result = {
    plan,
    driver: values.driver,
    expected: report.expected,
    received: report.received,
    duplicates: report.duplicates,
    misrouted: report.misrouted,
    duringQuietHours: report.duringQuietHours,
    latenessMs: lateness,
    heldAfterQuietEndMs: held,
    stagesMsAfterDue: await pushStages(db.handle.db, load),
    targetP95Ms: 1_000,
    metTarget: lateness.p95 <= 1_000 && report.received === expected && report.duplicates === 0 && report.duringQuietHours === 0,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    cpus: os.cpus().length,
  };
  const { latest } = writeResult("push", result);
  console.log(JSON.stringify(result, null, 2));
  console.error(`written to ${latest}`);
} finally {
  await relay.stop();
  await workers.stop();
  await transport.close();
  await push.close();
  await db.drop();
}
