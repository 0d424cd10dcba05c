import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { dumpUserData } from "../support/user-data";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

/** Small deterministic PRNG, so a failure names a seed that replays it. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANGES = 1000;
const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

describe("undo, randomized", () => {
  it(`applies ${CHANGES} mixed changes, reverts them newest first, and the user's data is byte-identical to the start`, async () => {
    const seed = Number(process.env.UNDO_SEED ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const { caller, userId } = await callerForNewUser(testDb.handle, { timeZone: "Europe/Berlin" });
    const day = 86_400_000;
    const future = () => new Date(Date.now() + Math.ceil(random() * 60) * day + Math.floor(random() * 24) * 3_600_000);

    // A starting state with every kind of row.
    const home = await caller.category.create({ name: "Home", color: "#22AA66" });
    const errand = await caller.tag.create({ name: "errand" });
    for (let i = 0; i < 5; i++) {
      await caller.task.create({ title: `Seed ${i}`, dueAt: future(), categoryId: home.id, tagIds: [errand.id], reminders: [{ minutesBefore: 30 }] });
    }
    await caller.task.create({ title: "Weekly review", dueAt: future(), recurrenceRule: "FREQ=WEEKLY;BYDAY=FR" });
    const start = await dumpUserData(testDb.handle.db, userId);
    const firstEntry = (await caller.activity.list({ limit: 1 })).items[0]!.id;

    let applied = 0;
    let lastEntry = firstEntry;
    let counter = 0;
    const tasks = async (status: "open" | "done" | "all" = "all", deleted = false) => (await caller.task.list({ status, deleted, limit: 100 })).items;
    // The lists are read again only after changes that touch many rows; single changes update them from their results.
    let [categories, tags, live] = await Promise.all([caller.category.list(), caller.tag.list(), tasks()]);
    const track = (view: (typeof live)[number]) => {
      live = view.deletedAt ? live.filter((t) => t.id !== view.id) : [...live.filter((t) => t.id !== view.id), view];
    };
    const reread = async () => {
      [categories, tags, live] = await Promise.all([caller.category.list(), caller.tag.list(), tasks()]);
    };
    while (applied < CHANGES) {
      counter += 1;
      const kind = pick(["create", "update", "update", "update", "complete", "uncomplete", "delete", "restore", "bulk", "category", "tag", "label-delete"] as const);
      try {
        switch (kind) {
          case "create":
            track(await caller.task.create({
              title: `Task ${counter}`,
              priority: pick(PRIORITIES),
              ...(random() < 0.6 ? { dueAt: future(), reminders: random() < 0.5 ? [{ minutesBefore: 15 }] : [] } : {}),
              ...(categories.length && random() < 0.5 ? { categoryId: pick(categories).id } : {}),
              ...(tags.length && random() < 0.5 ? { tagIds: [pick(tags).id] } : {}),
            }));
            break;
          case "update": {
            if (!live.length) continue;
            const task = pick(live);
            const field = pick(["title", "priority", "due", "tags", "category", "reminders", "description"] as const);
            track(await caller.task.update({
              id: task.id,
              version: task.version,
              ...(field === "title" ? { title: `Renamed ${counter}` } : {}),
              ...(field === "description" ? { description: random() < 0.5 ? "" : `notes ${counter}` } : {}),
              ...(field === "priority" ? { priority: pick(PRIORITIES) } : {}),
              ...(field === "due" ? { dueAt: task.recurrenceRule || task.reminders.some((r) => r.minutesBefore !== null) ? future() : random() < 0.3 ? null : future() } : {}),
              ...(field === "tags" ? { tagIds: tags.filter(() => random() < 0.4).slice(0, 3).map((t) => t.id) } : {}),
              ...(field === "category" ? { categoryId: categories.length && random() < 0.7 ? pick(categories).id : null } : {}),
              ...(field === "reminders" ? { reminders: random() < 0.5 ? [] : [{ at: future() }] } : {}),
            }));
            break;
          }
          case "complete":
          case "uncomplete":
          case "delete": {
            const candidates = live.filter((t) => (kind === "uncomplete" ? t.completed : !t.completed || kind === "delete"));
            if (!candidates.length) continue;
            track(await caller.task[kind]({ id: pick(candidates).id }));
            break;
          }
          case "restore": {
            const trash = await tasks("all", true);
            if (!trash.length) continue;
            track(await caller.task.restore({ id: pick(trash).id }));
            break;
          }
          case "bulk": {
            if (live.length < 2) continue;
            const ids = live.filter(() => random() < 0.5).map((t) => t.id);
            if (!ids.length) continue;
            const action = pick([
              { type: "setPriority" as const, priority: pick(PRIORITIES) },
              ...(tags.length ? [{ type: "addTag" as const, tagId: pick(tags).id }, { type: "removeTag" as const, tagId: pick(tags).id }] : []),
              { type: "setCategory" as const, categoryId: categories.length && random() < 0.7 ? pick(categories).id : null },
              { type: "complete" as const },
            ]);
            await caller.task.bulkUpdate({ ids, action });
            await reread();
            break;
          }
          case "category":
          case "tag": {
            const list = kind === "category" ? categories : tags;
            const router = kind === "category" ? caller.category : caller.tag;
            if (list.length && random() < 0.5) await router.update({ id: pick(list).id, name: `${kind} ${counter}`, color: random() < 0.5 ? null : "#3B82F6" });
            else await router.create({ name: `${kind} ${counter}` });
            await reread();
            break;
          }
          case "label-delete": {
            const useCategory = random() < 0.5;
            const list = useCategory ? categories : tags;
            if (!list.length) continue;
            await (useCategory ? caller.category.delete({ id: pick(list).id }) : caller.tag.delete({ id: pick(list).id }));
            await reread();
            break;
          }
        }
        // Changes that change nothing (same priority again, an empty selection) leave no entry and do not count.
        const latest = (await caller.activity.list({ limit: 1 })).items[0]!.id;
        if (latest > lastEntry) applied += 1;
        lastEntry = latest;
      } catch (error) {
        // Refusals (a tag limit, a due date a reminder counts from) change nothing and leave no entry; anything else fails.
        await reread();
        if (!(error instanceof Error) || !/Limit reached|already exists|cannot remove the due date/.test(error.message)) throw new Error(`seed ${seed}, change ${counter} (${kind}): ${String(error)}`);
      }
    }

    const entries: number[] = [];
    for (let cursor: number | undefined; ; ) {
      const page = await caller.activity.list({ limit: 100, cursor });
      entries.push(...page.items.filter((e) => e.id > firstEntry).map((e) => e.id));
      if (!page.nextCursor || page.items.some((e) => e.id <= firstEntry)) break;
      cursor = page.nextCursor;
    }
    expect(entries.length).toBe(CHANGES);
    for (const id of entries) {
      try {
        await caller.activity.revert({ id });
      } catch (error) {
        throw new Error(`seed ${seed}: reverting entry ${id} failed: ${String(error)}`);
      }
    }
    expect(await dumpUserData(testDb.handle.db, userId), `seed ${seed}`).toBe(start);
  }, 1_200_000);
});
