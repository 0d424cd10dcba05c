import type { PeerData, TaskSpec } from "./data";

/** The calls of issue 14's table; each server answers them its own way with the same meaning. */
export const CALLS = ["open-by-due", "priority-tag", "due-next7", "search", "get", "update-priority"] as const;
export type CallName = (typeof CALLS)[number];

export const CALL_LABELS: Record<CallName, string> = {
  "open-by-due": "open tasks by due date, 50",
  "priority-tag": "priority ≥ high + one tag, by priority",
  "due-next7": "due in next 7 days",
  search: "search one word",
  get: "get one task",
  "update-priority": "update priority",
};

/** A server under test, driven over HTTP from outside exactly as a client would. */
export interface PeerClient {
  /** Signs a fresh user up and creates the tags (and, for the peer, a project). */
  setup(data: PeerData): Promise<void>;
  /** Stores one generated task (tags and done state included); `index` names it for later calls. */
  createTask(index: number, spec: TaskSpec): Promise<void>;
  /** How many creates may run at once: the peer numbers tasks without a lock and must create one at a time. */
  createConcurrency: number;
  /** One call; `i` picks the tag, search word or task. Resolves with the number of tasks in the answer. */
  call(name: CallName, i: number): Promise<number>;
}

/** A fetch that throws with the status and the start of the body on anything but 2xx; returns the parsed JSON. */
export async function httpJson(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url.slice(0, 120)} -> ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** The start of today and of the 8th day after it (the window "due in the next 7 days" means on both servers), UTC. */
export function next7Window(now = new Date()): { from: Date; to: Date } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from, to: new Date(from.getTime() + 8 * 86_400_000) };
}

/** Runs `count` jobs with at most `concurrency` in flight; the first failure stops the rest and is thrown. */
export async function runPool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const lane = async () => {
    while (failed === undefined && next < count) {
      const i = next++;
      await job(i).catch((error: unknown) => (failed ??= error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failed !== undefined) throw failed;
}
