import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, reminders } from "@/server/db/schema";
import { fireReminders } from "@/server/domain/reminders";
import { createTask } from "@/server/domain/tasks";
import { EVENT_TYPES } from "@/server/events/catalog";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const dueEventsFor = (ids: string[]) =>
  db.handle.db
    .select({ reminderId: sql<string>`${outbox.event}->'data'->>'reminderId'`, partitionKey: outbox.partitionKey })
    .from(outbox)
    .where(sql`${outbox.event}->>'type' = ${EVENT_TYPES.reminderDue} AND ${outbox.event}->'data'->>'reminderId' IN ${ids}`);

describe("firing a page of reminders in one transaction", () => {
  it("fires the due ones of several users once each, keyed by their user, and tells apart not due, not pending, missing and repeated", async () => {
    const earlier = new Date(Date.now() - 10 * 60_000);
    const [alice, bob] = [await createTestUser(db.handle, { now: () => earlier }), await createTestUser(db.handle, { now: () => earlier })];
    const dueAt = new Date(Date.now() + 3_600_000);
    const [a1, a2, b1, later, cancelled] = [
      await createTask(alice, { title: "Pay rent", dueAt, reminders: [{ minutesBefore: 60 }] }),
      await createTask(alice, { title: "Call mum", dueAt, reminders: [{ minutesBefore: 60 }] }),
      await createTask(bob, { title: "Book flights", dueAt, reminders: [{ minutesBefore: 60 }] }),
      await createTask(bob, { title: "Renew passport", dueAt, reminders: [{ minutesBefore: 5 }] }),
      await createTask(alice, { title: "Water plants", dueAt, reminders: [{ minutesBefore: 60 }] }),
    ];
    const rows = await db.handle.db.select().from(reminders).where(inArray(reminders.taskId, [a1.id, a2.id, b1.id, later.id, cancelled.id]));
    const idOf = (taskId: string) => rows.find((r) => r.taskId === taskId)!.id;
    await db.handle.db.update(reminders).set({ status: "cancelled" }).where(eq(reminders.id, idOf(cancelled.id)));
    const missing = "00000000-0000-4000-8000-000000000000";
    const ids = [idOf(a1.id), idOf(a2.id), idOf(b1.id), idOf(later.id), idOf(cancelled.id), missing];

    const first = await fireReminders(db.handle.db, ids);
    expect([...first.values()].map((r) => r.status)).toEqual(["fired", "fired", "fired", "not-due", "not-pending", "missing"]);
    // Fired again (a repeated wake-up, a second timer): nothing new.
    const again = await fireReminders(db.handle.db, ids);
    expect([...again.values()].map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate", "not-due", "not-pending", "missing"]);

    const events = await dueEventsFor(ids);
    expect(events).toHaveLength(3);
    const userOf = new Map(rows.map((r) => [r.id, r.userId]));
    for (const event of events) expect(event.partitionKey).toBe(userOf.get(event.reminderId));
    expect(new Set(events.map((e) => e.partitionKey))).toEqual(new Set([alice.userId, bob.userId]));
  });
});
