import type { DomainContext } from "@/server/domain/context";
import { createTask, type TaskCreateInput } from "@/server/domain/tasks";
import { listTasks, type TaskListItem } from "@/server/domain/tasks/list";
import type { TaskListInput } from "@/server/domain/tasks/schemas";
import type { DatabaseHandle } from "@/server/db/client";
import { createTestUser } from "../support/database";

/** A user whose clock the test moves by hand. */
export async function userWithClock(handle: DatabaseHandle, start: Date, timeZone = "UTC") {
  let now = start;
  const ctx = await createTestUser(handle, { timeZone, now: () => now });
  return {
    ctx,
    setNow(next: Date) {
      now = next;
    },
    /** Moves the clock forward so consecutive creations get distinct, ordered timestamps. */
    tick(ms = 1000) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export const newUser = (handle: DatabaseHandle, timeZone = "UTC") => createTestUser(handle, { timeZone, now: () => new Date() });

/** Creates the tasks one after another (creation order matters to some tests). */
export async function createTasks(ctx: DomainContext, inputs: TaskCreateInput[]) {
  const created = [];
  for (const input of inputs) created.push(await createTask(ctx, input));
  return created;
}

export const titles = (items: TaskListItem[]) => items.map((t) => t.title);

export async function listTitles(ctx: DomainContext, input: TaskListInput = {}) {
  return titles((await listTasks(ctx, input)).items);
}

/** Follows nextCursor to the end and returns every item in order, plus the totals each page reported. */
export async function walkAllPages(ctx: DomainContext, input: TaskListInput) {
  const items: TaskListItem[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await listTasks(ctx, { ...input, cursor });
    items.push(...result.items);
    totals.push(result.total);
    if (!result.nextCursor) return { items, totals, pages: page + 1 };
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}
