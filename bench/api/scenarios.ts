import type { TaskListInput } from "@/server/domain/tasks/schemas";
import { PRIORITIES } from "@/server/domain/tasks/schemas";
import type { HttpRequestSpec } from "../lib/http-load";
import type { Taxonomy } from "./list-inputs";
import { trpcData, trpcMutation, trpcQuery } from "./trpc";
import { pick, randomTitle } from "./words";

export type ScenarioName = "floor" | "search" | "filtered-list" | "sorted-list" | "create" | "update" | "complete";

/** A scenario's traffic: the next request, and what it learns from each response. */
export interface HttpScenario {
  name: ScenarioName;
  description: string;
  next(): HttpRequestSpec;
  onResponse?(status: number, body: string): void;
  /** Anything worth reporting after the run (e.g. a pool that ran out). */
  notes?(): Record<string, unknown>;
}

/** Open tasks of the heavy user, with their current versions, for update and complete. */
export interface TaskRef {
  id: string;
  version: number;
}

export function listScenario(name: ScenarioName, description: string, inputs: TaskListInput[]): HttpScenario {
  let i = 0;
  return { name, description, next: () => trpcQuery("task.list", inputs[i++ % inputs.length]) };
}

/**
 * The floor under every target: a signed-in tRPC query that touches no table (task.previewRecurrence),
 * so its latency is HTTP + Next routing + Better Auth session + tRPC/zod/superjson, and nothing else.
 */
export function floorScenario(): HttpScenario {
  const input = { rule: "FREQ=WEEKLY;BYDAY=MO", start: new Date("2026-12-01T09:00:00Z"), timeZone: "UTC", count: 1 };
  return {
    name: "floor",
    description: "task.previewRecurrence (signed in, no SQL): the cost of Next + Better Auth session + tRPC per request",
    next: () => trpcQuery("task.previewRecurrence", input),
  };
}

export function createScenario(taxonomy: Taxonomy): HttpScenario {
  return {
    name: "create",
    description: "task.create: random title and priority, 30% with one tag, 50% with a category (transaction with activity + outbox rows)",
    next: () =>
      trpcMutation("task.create", {
        title: randomTitle(),
        priority: pick(PRIORITIES),
        ...(Math.random() < 0.3 ? { tagIds: [pick(taxonomy.tagIds)] } : {}),
        ...(Math.random() < 0.5 ? { categoryId: pick(taxonomy.categoryIds) } : {}),
      }),
  };
}

/**
 * Walks a pool of distinct tasks so concurrent connections never edit the same task; the version
 * sent is the one the last response for that task returned, so a 409 would mean a real conflict.
 */
export function updateScenario(pool: TaskRef[]): HttpScenario {
  const versions = new Map(pool.map((t) => [t.id, t.version]));
  let i = 0;
  return {
    name: "update",
    description: "task.update: new title and priority of a distinct open task with its current version",
    next: () => {
      const task = pool[i++ % pool.length] as TaskRef;
      return trpcMutation("task.update", { id: task.id, version: versions.get(task.id), title: randomTitle(), priority: pick(PRIORITIES) });
    },
    onResponse: (status, body) => {
      const data = status === 200 ? trpcData<TaskRef>(body) : undefined;
      if (data) versions.set(data.id, data.version);
    },
    notes: () => ({ poolSize: pool.length, requestsIssued: i, poolWrapped: i > pool.length }),
  };
}

/** Completes each task of the pool once (completing a done task would be a cheap no-op and flatter the numbers). */
export function completeScenario(pool: TaskRef[]): HttpScenario {
  let i = 0;
  return {
    name: "complete",
    description: "task.complete of a distinct open task (transaction with reminder sync, activity + outbox rows)",
    next: () => trpcMutation("task.complete", { id: (pool[i++ % pool.length] as TaskRef).id }),
    notes: () => ({ poolSize: pool.length, requestsIssued: i, poolWrapped: i > pool.length }),
  };
}
