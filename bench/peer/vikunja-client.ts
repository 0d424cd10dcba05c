import { httpJson, next7Window, type CallName, type PeerClient } from "./client";
import type { PeerData } from "./data";

/** A Vikunja task as its API returns it; `POST /tasks/{id}` takes the whole object back. */
type VikunjaTask = Record<string, unknown> & { id: number };

/**
 * The peer's REST API (`/api/v1`, README in ../shared/peer): one project holds the tasks, labels stand for tags,
 * priorities 1–4 mean low … urgent as in Cadence. Filters use its filter language; `s=` is its search.
 */
export function vikunjaClient(baseUrl: string): PeerClient {
  const api = `${baseUrl}/api/v1`;
  let token = "";
  let projectId = 0;
  let data: PeerData | undefined;
  const labelIds: number[] = [];
  const tasks: VikunjaTask[] = [];
  const headers = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const get = (path: string) => httpJson(api + path, { headers: headers() });
  const send = (method: "PUT" | "POST", path: string, body: unknown) => httpJson(api + path, { method, headers: headers(), body: JSON.stringify(body) });
  const list = async (path: string, params: Record<string, string>) => {
    const answer = await get(`${path}?${new URLSearchParams({ per_page: "50", ...params })}`);
    return Array.isArray(answer) ? answer.length : 0;
  };
  const task = (i: number) => tasks[i % tasks.length] as VikunjaTask;

  const calls: Record<CallName, (i: number) => Promise<number>> = {
    "open-by-due": () => list(`/projects/${projectId}/tasks`, { sort_by: "due_date", order_by: "asc", filter: "done = false" }),
    "priority-tag": (i) =>
      list("/tasks", { sort_by: "priority", order_by: "desc", filter: `done = false && priority >= 3 && labels = ${labelIds[i % labelIds.length]}` }),
    "due-next7": () => {
      const { from, to } = next7Window();
      return list("/tasks", { sort_by: "due_date", order_by: "asc", filter: `done = false && due_date >= '${from.toISOString()}' && due_date < '${to.toISOString()}'` });
    },
    search: (i) => list("/tasks", { s: data?.searchWords[i % data.searchWords.length] ?? "", filter: "done = false" }),
    get: async (i) => {
      await get(`/tasks/${task(i).id}`);
      return 1;
    },
    "update-priority": async (i) => {
      const current = task(i);
      tasks[i % tasks.length] = (await send("POST", `/tasks/${current.id}`, { ...current, priority: 1 + (i % 4) })) as VikunjaTask;
      return 1;
    },
  };

  return {
    createConcurrency: 1,
    async setup(generated) {
      data = generated;
      const user = { username: `peer${Date.now()}`, email: `peer-${Date.now()}@cadence.test`, password: "bench-password-123" };
      await httpJson(`${api}/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(user) });
      token = ((await httpJson(`${api}/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: user.username, password: user.password }) })) as { token: string }).token;
      projectId = ((await send("PUT", "/projects", { title: "Peer bench" })) as { id: number }).id;
      for (const title of generated.tagNames) labelIds.push(((await send("PUT", "/labels", { title })) as { id: number }).id);
    },
    async createTask(index, spec) {
      const created = (await send("PUT", `/projects/${projectId}/tasks`, {
        title: spec.title,
        priority: spec.priority,
        done: spec.done,
        ...(spec.dueAt ? { due_date: spec.dueAt.toISOString() } : {}),
      })) as VikunjaTask;
      // Labels cannot be set on create (the peer's README).
      if (spec.tagIndexes.length) await send("POST", `/tasks/${created.id}/labels/bulk`, { labels: spec.tagIndexes.map((t) => ({ id: labelIds[t] })) });
      tasks[index] = created;
    },
    call: (name, i) => calls[name](i),
  };
}
