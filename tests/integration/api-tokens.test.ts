import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "@/server/api/context";
import { apiTokenRouter } from "@/server/api/routers/api-token";
import { createCallerFactory } from "@/server/api/trpc";
import { apiTokens } from "@/server/db/schema";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/server/domain/api-tokens";
import { createCategory } from "@/server/domain/categories";
import type { DomainContext } from "@/server/domain/context";
import { NotFoundError } from "@/server/domain/errors";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const newUser = (timeZone = "UTC") => createTestUser(database.handle, { timeZone, now: () => new Date() });
const storedRow = async (id: string) => (await database.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;

describe("API tokens", () => {
  it("shows the secret once and stores only its hash", async () => {
    const ctx = await newUser();
    const created = await createApiToken(ctx, { name: "Claude Desktop" });
    expect(created.token).toMatch(/^cad_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await storedRow(created.id);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));

    const listed = await listApiTokens(ctx);
    expect(listed).toEqual([
      {
        id: created.id,
        name: "Claude Desktop",
        prefix: created.prefix,
        scopes: ["read", "write", "delete"],
        categoryIds: null,
        expiresAt: null,
        createdAt: expect.any(Date),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("authenticates a live token as its owner, in the owner's time zone", async () => {
    const ctx = await newUser("Asia/Tokyo");
    const { id, token } = await createApiToken(ctx, { name: "cli" });
    expect(await authenticateApiToken(database.handle.db, token)).toEqual({
      userId: ctx.userId,
      timeZone: "Asia/Tokyo",
      tokenId: id,
      grant: { id, name: "cli", scopes: ["read", "write", "delete"], categoryIds: null },
    });
    expect(await authenticateApiToken(database.handle.db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateApiToken(database.handle.db, "")).toBeNull();
    expect(await authenticateApiToken(database.handle.db, "Bearer whatever")).toBeNull();
  });

  it("records last use at most once a minute", async () => {
    const ctx = await newUser();
    const { id, token } = await createApiToken(ctx, { name: "cli" });
    const t0 = new Date("2026-11-23T12:00:00Z");
    await authenticateApiToken(database.handle.db, token, t0);
    expect((await storedRow(id)).lastUsedAt).toEqual(t0);
    await authenticateApiToken(database.handle.db, token, new Date(t0.getTime() + 30_000));
    expect((await storedRow(id)).lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(database.handle.db, token, later);
    expect((await storedRow(id)).lastUsedAt).toEqual(later);
  });

  it("a revoked token no longer authenticates; revoking again keeps the first time", async () => {
    const ctx = await newUser();
    const { id, token } = await createApiToken(ctx, { name: "old laptop" });
    const revoked = await revokeApiToken(ctx, { id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiToken(database.handle.db, token)).toBeNull();
    expect((await revokeApiToken(ctx, { id })).revokedAt).toEqual(revoked.revokedAt);
    expect((await listApiTokens(ctx))[0]!.revokedAt).toEqual(revoked.revokedAt);
  });

  it("keeps the chosen scopes, category restriction and expiry; an expired token no longer authenticates", async () => {
    const t0 = new Date("2026-11-23T12:00:00Z");
    const ctx = { ...(await newUser()), now: () => t0 };
    const work = await createCategory(ctx, { name: "Work" });
    const created = await createApiToken(ctx, { name: "Reader", scopes: ["read"], categoryIds: [work.id], expiresInDays: 7 });
    expect(created).toMatchObject({ scopes: ["read"], categoryIds: [work.id], expiresAt: new Date(t0.getTime() + 7 * 86_400_000) });
    expect((await listApiTokens(ctx))[0]).toMatchObject({ scopes: ["read"], categoryIds: [work.id], expiresAt: created.expiresAt });
    const justBefore = new Date(created.expiresAt!.getTime() - 1);
    expect((await authenticateApiToken(database.handle.db, created.token, justBefore))?.grant).toEqual({
      id: created.id,
      name: "Reader",
      scopes: ["read"],
      categoryIds: [work.id],
    });
    expect(await authenticateApiToken(database.handle.db, created.token, created.expiresAt!)).toBeNull();
  });

  it("refuses no scopes, an unknown scope, another user's category and a lifetime over a year", async () => {
    const ctx = await newUser();
    const foreign = await createCategory(await newUser(), { name: "Theirs" });
    await expect(createApiToken(ctx, { name: "x", scopes: [] })).rejects.toThrow(/at least one scope/);
    await expect(createApiToken(ctx, { name: "x", scopes: ["admin" as "read"] })).rejects.toThrow(/read, write, delete/);
    await expect(createApiToken(ctx, { name: "x", categoryIds: [foreign.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createApiToken(ctx, { name: "x", expiresInDays: 366 })).rejects.toThrow(/at most 365 days/);
    expect(await listApiTokens(ctx)).toEqual([]);
  });

  it("another user's token cannot be revoked or listed", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const { id, token } = await createApiToken(owner, { name: "mine" });
    await expect(revokeApiToken(stranger, { id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listApiTokens(stranger)).toEqual([]);
    expect(await authenticateApiToken(database.handle.db, token)).not.toBeNull();
  });
});

describe("apiToken tRPC router", () => {
  const createCaller = createCallerFactory(apiTokenRouter);
  const callerFor = (ctx: DomainContext | null) =>
    createCaller(
      createInnerContext({
        db: database.handle.db,
        user: ctx ? { id: ctx.userId, email: `${ctx.userId}@example.test`, name: "Test", timeZone: ctx.timeZone } : null,
      }),
    );

  it("creates, lists and revokes the signed-in user's tokens", async () => {
    const caller = callerFor(await newUser());
    const created = await caller.create({ name: "  Cursor  " });
    expect(created).toMatchObject({ name: "Cursor", token: expect.stringMatching(/^cad_/) });
    expect(await caller.list()).toEqual([expect.objectContaining({ id: created.id, revokedAt: null })]);
    expect((await caller.revoke({ id: created.id })).revokedAt).toBeInstanceOf(Date);
    await expect(caller.create({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("needs a signed-in user, and keeps users apart", async () => {
    await expect(callerFor(null).list()).rejects.toBeInstanceOf(TRPCError);
    const owner = callerFor(await newUser());
    const { id } = await owner.create({ name: "x" });
    await expect(callerFor(await newUser()).revoke({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
