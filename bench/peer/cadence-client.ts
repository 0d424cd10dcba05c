import { PRIORITIES } from "@/server/domain/tasks/schemas";
import { signUp } from "../api/auth";
import { httpJson, type CallName, type PeerClient } from "./client";
import type { PeerData, TaskSpec } from "./data";

interface TaskRef {
  id: string;
  version: number;
}

const priorityName = (p: TaskSpec["priority"]) => PRIORITIES[p - 1] as string;

/** Cadence's tRPC API (superjson: inputs and outputs wrapped as `{ json }`), signed in with a session cookie. */
export function cadenceClient(baseUrl: string): PeerClient {
  let cookie = "";
  let data: PeerData | undefined;
  const tagIds: string[] = [];
  const tasks: TaskRef[] = [];
  const headers = () => ({ cookie, "content-type": "application/json" });
  const query = async <T>(procedure: string, input: unknown) => {
    const body = (await httpJson(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: headers() })) as { result: { data: { json: T } } };
    return body.result.data.json;
  };
  const mutate = async <T>(procedure: string, input: unknown) => {
    const body = (await httpJson(`${baseUrl}/api/trpc/${procedure}`, { method: "POST", headers: headers(), body: JSON.stringify({ json: input }) })) as { result: { data: { json: T } } };
    return body.result.data.json;
  };
  const list = async (input: Record<string, unknown>) => (await query<{ items: unknown[] }>("task.list", { limit: 50, ...input })).items.length;
  const task = (i: number) => tasks[i % tasks.length] as TaskRef;

  const calls: Record<CallName, (i: number) => Promise<number>> = {
    "open-by-due": () => list({ sort: { by: "due", dir: "asc" } }),
    "priority-tag": (i) => list({ priorities: ["high", "urgent"], tagIds: [tagIds[i % tagIds.length]], sort: { by: "priority", dir: "desc" } }),
    "due-next7": () => list({ due: "next7", sort: { by: "due", dir: "asc" } }),
    search: (i) => list({ search: data?.searchWords[i % (data?.searchWords.length ?? 1)] }),
    get: async (i) => {
      await query("task.get", { id: task(i).id });
      return 1;
    },
    "update-priority": async (i) => {
      const ref = task(i);
      const updated = await mutate<TaskRef>("task.update", { id: ref.id, version: ref.version, priority: PRIORITIES[i % 4] });
      ref.version = updated.version;
      return 1;
    },
  };

  return {
    createConcurrency: 8,
    async setup(generated) {
      data = generated;
      const user = { email: `peer-${Date.now()}@cadence.test`, password: "bench-password-123", name: "Peer Bench" };
      cookie = (await signUp(baseUrl, user)).cookie;
      for (const name of generated.tagNames) tagIds.push((await mutate<{ id: string }>("tag.create", { name })).id);
    },
    async createTask(index, spec) {
      let ref = await mutate<TaskRef>("task.create", {
        title: spec.title,
        priority: priorityName(spec.priority),
        ...(spec.dueAt ? { dueAt: spec.dueAt.toISOString() } : {}),
        ...(spec.tagIndexes.length ? { tagIds: spec.tagIndexes.map((t) => tagIds[t]) } : {}),
      });
      if (spec.done) ref = await mutate<TaskRef>("task.complete", { id: ref.id });
      tasks[index] = { id: ref.id, version: ref.version };
    },
    call: (name, i) => calls[name](i),
  };
}
