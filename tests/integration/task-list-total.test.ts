import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { listTasks, TOTAL_CAP } from "@/server/domain/tasks/list";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { newUser } from "./task-list-helpers";

let database: TestDatabase;
let ctx: DomainContext;
const MANY = TOTAL_CAP + 3;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = await newUser(database.handle);
  // Straight into the table: a thousand createTask calls would only slow the test down.
  await database.handle.db.insert(tasks).values(
    Array.from({ length: MANY }, (_, i) => ({
      userId: ctx.userId,
      title: i < 3 ? `quarterly report draft ${i}` : `weekly report ${i}`,
      priority: i < 3 ? ("urgent" as const) : ("medium" as const),
    })),
  );
});
afterAll(async () => {
  await database.drop();
});

describe("task list totals", () => {
  it("stops counting past the cap and says the total is a lower bound, on every page", async () => {
    const first = await listTasks(ctx, { limit: 50 });
    expect(first.total).toBe(TOTAL_CAP);
    expect(first.totalCapped).toBe(true);
    const second = await listTasks(ctx, { limit: 50, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(50);
    expect(second.totalCapped).toBe(true);
  });

  it("counts exactly below the cap", async () => {
    const urgent = await listTasks(ctx, { priorities: ["urgent"], limit: 2 });
    expect(urgent.items).toHaveLength(2);
    expect(urgent).toMatchObject({ total: 3, totalCapped: false });
    const rest = await listTasks(ctx, { priorities: ["urgent"], limit: 2, cursor: urgent.nextCursor ?? undefined });
    expect(rest.items).toHaveLength(1);
    expect(rest).toMatchObject({ total: 3, totalCapped: false });
  });

  it("gives searches ranked by relevance an exact total past the cap, on later pages too", async () => {
    const first = await listTasks(ctx, { search: "report", limit: 20 });
    expect(first).toMatchObject({ total: MANY, totalCapped: false });
    const second = await listTasks(ctx, { search: "report", limit: 20, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ total: MANY, totalCapped: false });
    expect(second.items.map((t) => t.id)).not.toContain(first.items[0]?.id);
  });

  it("caps searches sorted by another column like any list", async () => {
    const result = await listTasks(ctx, { search: "report", sort: { by: "title", dir: "asc" }, limit: 10 });
    expect(result).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    const few = await listTasks(ctx, { search: "quarterly", sort: { by: "title", dir: "asc" } });
    expect(few).toMatchObject({ total: 3, totalCapped: false });
    expect(few.items.map((t) => t.title)).toEqual(["quarterly report draft 0", "quarterly report draft 1", "quarterly report draft 2"]);
  });
});
