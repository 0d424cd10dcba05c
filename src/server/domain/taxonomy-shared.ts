import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { categories, tags, tasks } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type EventType } from "@/server/events/catalog";
import { writeEvents } from "@/server/events/outbox-writer";
import { recordActivity, type EntityChange } from "./activity";
import { loadTaskSnapshots, type LabelSnapshot, type TaskSnapshot } from "./undo/snapshots";
import type { DomainContext } from "./context";
import { ConflictError, LimitError, NotFoundError } from "./errors";
import { PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from "./pg-errors";

/**
 * Categories and tags are the same shape (a named, optionally coloured label owned by one user),
 * so their rules live here once; categories.ts and tags.ts only describe how each attaches to tasks.
 */

// ---- input schemas -------------------------------------------------------------------------

const uuid = z.uuid({ message: "must be a valid id" });

/** Stored upper-case so "#a1b2c3" and "#A1B2C3" are the same colour everywhere. */
export const colorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #RRGGBB (e.g. #3B82F6)")
  .transform((value) => value.toUpperCase());

const nameSchema = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const taxonomyInputSchemas = (maxName: number) => ({
  create: z.object({ name: nameSchema(maxName), color: colorSchema.nullable().optional() }).strict(),
  update: z.object({ id: uuid, name: nameSchema(maxName).optional(), color: colorSchema.nullable().optional() }).strict(),
  id: z.object({ id: uuid }).strict(),
});

// ---- service ---------------------------------------------------------------------------------

/** Both tables have identical columns; only the name length differs, which the schemas enforce. */
type TaxonomyTable = typeof categories | typeof tags;

export interface TaxonomyItem {
  id: string;
  name: string;
  color: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface TaxonomyListItem extends TaxonomyItem {
  /** Open (not completed, not deleted) tasks that use it. */
  taskCount: number;
}
export interface TaxonomyDeleteResult {
  id: string;
  /** Tasks that lost it (including ones in the trash); each had its version bumped. */
  affectedTasks: number;
}

export interface TaxonomySpec {
  entity: "category" | "tag";
  table: TaxonomyTable;
  eventType: EventType;
  limit: { key: "categoriesPerUser" | "tagsPerUser"; max: number; constraint: string };
  uniqueConstraint: string;
  maxName: number;
  /**
   * Open-task counts per id of this user (missing id = 0); with `withinCategories`, only tasks in those
   * categories count (what a category-limited API token may see).
   */
  countOpenTasks(db: Executor, userId: string, id?: string, withinCategories?: readonly string[]): Promise<Map<string, number>>;
  /** Detaches the item from the user's tasks, bumping their version; returns the tasks' ids. */
  detachFromTasks(tx: Executor, ctx: DomainContext, id: string): Promise<string[]>;
}

export interface ListOptions {
  /** Count only open tasks in these categories. */
  withinCategories?: readonly string[];
}

type Schemas = ReturnType<typeof taxonomyInputSchemas>;

/** `version + 1` for the tasks a deletion touches, so stale client copies conflict instead of reviving it. */
export const bumpedTaskVersion = sql<number>`${tasks.version} + 1`;

export function createTaxonomyService(spec: TaxonomySpec) {
  const schemas = taxonomyInputSchemas(spec.maxName);
  const t = spec.table;
  const columns = { id: t.id, name: t.name, color: t.color, createdAt: t.createdAt, updatedAt: t.updatedAt };
  const duplicate = (name: string) => new ConflictError(`a ${spec.entity} named "${name}" already exists`);

  /** Turns the database's own refusals (lost races with a concurrent request) into the same domain errors. */
  function mapDbError(error: unknown, name: string | undefined): unknown {
    const pg = pgErrorOf(error);
    if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === spec.uniqueConstraint) return duplicate(name ?? "");
    if (pg?.code === PG_CHECK_VIOLATION && pg.constraint === spec.limit.constraint) return new LimitError(spec.limit.key, spec.limit.max);
    return error;
  }

  async function run<T>(ctx: DomainContext, name: string | undefined, work: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await ctx.db.transaction(work);
    } catch (error) {
      throw mapDbError(error, name);
    }
  }

  async function loadOwned(db: Executor, userId: string, id: string): Promise<TaxonomyItem> {
    const [row] = await db
      .select(columns)
      .from(t)
      .where(and(eq(t.id, id), eq(t.userId, userId)));
    if (!row) throw new NotFoundError(spec.entity, id);
    return row;
  }

  async function assertNameFree(db: Executor, userId: string, name: string, exceptId?: string) {
    const [clash] = await db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.userId, userId), sql`lower(${t.name}) = lower(${name})`, exceptId ? ne(t.id, exceptId) : undefined));
    if (clash) throw duplicate(name);
  }

  /** Activity row, the changed event for workers, and the compact notice for clients — all in `tx`. */
  async function emit(
    tx: Executor,
    ctx: DomainContext,
    change: {
      action: "created" | "updated" | "deleted";
      id: string;
      oldValues: Record<string, unknown> | null;
      newValues: Record<string, unknown> | null;
      data: Record<string, unknown>;
      changes: EntityChange[];
    },
  ) {
    await recordActivity(tx, ctx, [
      { entityType: spec.entity, entityId: change.id, action: change.action, oldValues: change.oldValues, newValues: change.newValues, changes: change.changes },
    ]);
    await writeEvents(tx, ctx, [
      { topic: TOPICS.taskEvents, type: spec.eventType, subject: change.id, data: { action: change.action, id: change.id, ...change.data } },
      { topic: TOPICS.taskUpdates, type: EVENT_TYPES.syncNotice, subject: change.id, data: { entity: spec.entity, action: change.action, id: change.id } },
    ]);
  }

  const publicFields = (item: Pick<TaxonomyItem, "name" | "color">) => ({ name: item.name, color: item.color });
  const snapshot = (item: Pick<TaxonomyItem, "id" | "name" | "color" | "createdAt">): LabelSnapshot => ({
    id: item.id,
    name: item.name,
    color: item.color,
    createdAt: item.createdAt.toISOString(),
  });
  const labelChange = (id: string, before: LabelSnapshot | null, after: LabelSnapshot | null): EntityChange => ({
    entityType: spec.entity,
    entityId: id,
    before,
    after,
  });
  /** A task's state before it lost the label, rebuilt exactly from its state after (nothing else changed). */
  const withLabel = (task: TaskSnapshot, id: string): TaskSnapshot =>
    spec.entity === "category" ? { ...task, categoryId: id } : { ...task, tagIds: [...task.tagIds, id].sort() };

  async function create(ctx: DomainContext, rawInput: z.input<Schemas["create"]>): Promise<TaxonomyItem> {
    const input = schemas.create.parse(rawInput);
    return run(ctx, input.name, async (tx) => {
      await assertNameFree(tx, ctx.userId, input.name);
      const [existing] = await tx.select({ n: count() }).from(t).where(eq(t.userId, ctx.userId));
      if ((existing?.n ?? 0) >= spec.limit.max) throw new LimitError(spec.limit.key, spec.limit.max);
      const now = ctx.now();
      const item: TaxonomyItem = { id: randomUUID(), name: input.name, color: input.color ?? null, createdAt: now, updatedAt: now };
      await tx.insert(t).values({ ...item, userId: ctx.userId });
      await emit(tx, ctx, {
        action: "created",
        id: item.id,
        oldValues: null,
        newValues: publicFields(item),
        data: { [spec.entity]: publicFields(item) },
        changes: [labelChange(item.id, null, snapshot(item))],
      });
      return item;
    });
  }

  async function update(ctx: DomainContext, rawInput: z.input<Schemas["update"]>): Promise<TaxonomyItem> {
    const input = schemas.update.parse(rawInput);
    return run(ctx, input.name, async (tx) => {
      const before = await loadOwned(tx, ctx.userId, input.id);
      const next = { name: input.name ?? before.name, color: input.color === undefined ? before.color : input.color };
      const changed = (["name", "color"] as const).filter((key) => next[key] !== before[key]);
      if (changed.length === 0) return before; // nothing to record
      if (changed.includes("name")) await assertNameFree(tx, ctx.userId, next.name, before.id);
      const updatedAt = ctx.now();
      await tx
        .update(t)
        .set({ ...next, updatedAt })
        .where(and(eq(t.id, before.id), eq(t.userId, ctx.userId)));
      const pick = (source: Pick<TaxonomyItem, "name" | "color">) => Object.fromEntries(changed.map((key) => [key, source[key]]));
      await emit(tx, ctx, {
        action: "updated",
        id: before.id,
        oldValues: pick(before),
        newValues: pick(next),
        data: { [spec.entity]: next, changed },
        changes: [labelChange(before.id, snapshot(before), snapshot({ ...before, ...next }))],
      });
      return { ...before, ...next, updatedAt };
    });
  }

  async function remove(ctx: DomainContext, rawInput: z.input<Schemas["id"]>): Promise<TaxonomyDeleteResult> {
    const input = schemas.id.parse(rawInput);
    return run(ctx, undefined, async (tx) => {
      const before = await loadOwned(tx, ctx.userId, input.id);
      const affectedTaskIds = await spec.detachFromTasks(tx, ctx, before.id);
      await tx.delete(t).where(and(eq(t.id, before.id), eq(t.userId, ctx.userId)));
      const detached = await loadTaskSnapshots(tx, ctx.userId, affectedTaskIds);
      await emit(tx, ctx, {
        action: "deleted",
        id: before.id,
        oldValues: publicFields(before),
        newValues: null,
        data: { affectedTaskIds },
        changes: [
          labelChange(before.id, snapshot(before), null),
          ...[...detached.values()].map((task): EntityChange => ({ entityType: "task", entityId: task.id, before: withLabel(task, before.id), after: task })),
        ],
      });
      return { id: before.id, affectedTasks: affectedTaskIds.length };
    });
  }

  async function get(ctx: DomainContext, rawInput: z.input<Schemas["id"]>): Promise<TaxonomyListItem> {
    const input = schemas.id.parse(rawInput);
    const item = await loadOwned(ctx.db, ctx.userId, input.id);
    const counts = await spec.countOpenTasks(ctx.db, ctx.userId, item.id);
    return { ...item, taskCount: counts.get(item.id) ?? 0 };
  }

  async function list(ctx: DomainContext, options: ListOptions = {}): Promise<TaxonomyListItem[]> {
    const [rows, counts] = await Promise.all([
      ctx.db
        .select(columns)
        .from(t)
        .where(eq(t.userId, ctx.userId))
        .orderBy(sql`lower(${t.name})`, asc(t.id)),
      spec.countOpenTasks(ctx.db, ctx.userId, undefined, options.withinCategories),
    ]);
    return rows.map((row) => ({ ...row, taskCount: counts.get(row.id) ?? 0 }));
  }

  return { schemas, create, update, remove, get, list };
}
