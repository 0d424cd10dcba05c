import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAnyUuid } from "@/server/db/any-uuid";
import { tasks } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { newUser } from "./task-list-helpers";

let database: TestDatabase;
let ctx: DomainContext;
let ids: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = await newUser(database.handle);
  const rows = await database.handle.db
    .insert(tasks)
    .values(Array.from({ length: 4 }, (_, i) => ({ userId: ctx.userId, title: `task ${i}` })))
    .returning({ id: tasks.id });
  ids = rows.map((row) => row.id);
});
afterAll(async () => {
  await database.drop();
});

const titlesOf = async (wanted: readonly string[]) =>
  (await database.handle.db.select({ title: tasks.title }).from(tasks).where(isAnyUuid(tasks.id, wanted))).map((r) => r.title).sort();

describe("selecting rows by a list of ids", () => {
  it("finds exactly the rows asked for, whatever the number of ids", async () => {
    expect(await titlesOf([])).toEqual([]);
    expect(await titlesOf([ids[2]!])).toEqual(["task 2"]);
    expect(await titlesOf([ids[0]!, ids[3]!, ids[1]!])).toEqual(["task 0", "task 1", "task 3"]);
  });

  it("takes more ids than a statement can take parameters (65,535), as a calendar feed of a large account needs", async () => {
    const many = [...Array.from({ length: 70_000 }, () => randomUUID()), ids[1]!];
    expect(await titlesOf(many)).toEqual(["task 1"]);
  });

  it("is one statement for any number of ids, so connections do not cache a statement per list length", () => {
    const text = (wanted: string[]) => database.handle.db.select().from(tasks).where(isAnyUuid(tasks.id, wanted)).toSQL().sql;
    expect(text([ids[0]!])).toBe(text(ids));
  });

  it("refuses a malformed id as the database does, and an id cannot smuggle in a second element", async () => {
    await expect(titlesOf(["not-a-uuid"])).rejects.toMatchObject({ cause: expect.objectContaining({ code: "22P02" }) });
    await expect(titlesOf([`${ids[0]}","${ids[1]}`])).rejects.toMatchObject({ cause: expect.objectContaining({ code: "22P02" }) });
  });
});
