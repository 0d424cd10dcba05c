import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deadLetters as deadLettersTable, processedEvents } from "@/server/db/schema";
import { processOnce } from "@/server/events/consumer";
import { listDeadLetters, recordDeadLetter } from "@/server/events/dead-letters";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeEvent } from "./relay-helpers";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

describe("processOnce", () => {
  it("runs the effect once per (consumer, event id); a repeat is a no-op", async () => {
    const db = database.handle.db;
    const effect = (tx: Parameters<Parameters<typeof processOnce>[3]>[0]) =>
      recordDeadLetter(tx, { topic: "t", consumer: "effect-probe", event: {}, reason: "side effect", attempts: 0 }).then((row) => row.id);

    const first = await processOnce(db, "worker-a", "event-1", effect);
    const repeat = await processOnce(db, "worker-a", "event-1", effect);
    const otherConsumer = await processOnce(db, "worker-b", "event-1", effect);

    expect(first.duplicate).toBe(false);
    expect(typeof first.result).toBe("number");
    expect(repeat).toEqual({ duplicate: true });
    expect(otherConsumer.duplicate).toBe(false);
    expect(await db.select().from(deadLettersTable).where(eq(deadLettersTable.consumer, "effect-probe"))).toHaveLength(2);
  });

  it("leaves no record when the effect fails, so the redelivery runs it again", async () => {
    const db = database.handle.db;
    await expect(
      processOnce(db, "worker-a", "event-2", async (tx) => {
        await recordDeadLetter(tx, { topic: "t", consumer: "rolled-back", event: {}, reason: "x", attempts: 0 });
        throw new Error("effect failed");
      }),
    ).rejects.toThrow("effect failed");
    expect(await db.select().from(processedEvents)).toHaveLength(0);
    expect(await db.select().from(deadLettersTable)).toHaveLength(0);

    const retried = await processOnce(db, "worker-a", "event-2", async (tx) => {
      // Nested transactions (as domain calls open them) become savepoints inside the effect.
      await tx.transaction(async (inner) => {
        await recordDeadLetter(inner, { topic: "t", consumer: "nested", event: {}, reason: "x", attempts: 0 });
      });
      return "ok";
    });
    expect(retried).toEqual({ duplicate: false, result: "ok" });
    expect(await db.select().from(deadLettersTable)).toHaveLength(1);
  });
});

describe("dead letters", () => {
  it("lists newest first, page by page", async () => {
    const events = [makeEvent("u"), makeEvent("u"), makeEvent("u")];
    for (const event of events) {
      await recordDeadLetter(database.handle.db, { topic: "task-events", consumer: "w/s", event, reason: "poison", attempts: 6 });
    }
    const page1 = await listDeadLetters(database.handle.db, { limit: 2 });
    const page2 = await listDeadLetters(database.handle.db, { limit: 2, cursor: page1.nextCursor });
    expect(page1.items.map((d) => d.eventId)).toEqual([events[2]?.id, events[1]?.id]);
    expect(page2.items.map((d) => d.eventId)).toEqual([events[0]?.id]);
    expect(page2.nextCursor).toBeNull();
  });
});
