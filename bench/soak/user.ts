import { trpc, type CallResult } from "./trpc";

export interface RequestSample {
  at: number;
  op: string;
  ms: number;
  ok: boolean;
  status: number;
  error?: string;
}

interface TaskItem {
  id: string;
  title: string;
  reminders: { id: string }[];
}

const WORDS = ["groceries", "report", "dentist", "invoice", "garden", "laundry", "budget", "call", "review", "plan"];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One person using Cadence: reads, searches, adds tasks (some with reminders), completes a daily task. */
export class SimulatedUser {
  private readonly reminderIds = new Set<string>();

  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    readonly index: number,
  ) {}

  static async signUp(baseUrl: string, index: number): Promise<SimulatedUser> {
    const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}` },
      body: JSON.stringify({ email: `soak-${index}-${Date.now()}@example.test`, password: "soak password 123", name: `Soak ${index}`, timeZone: "Europe/Berlin" }),
    });
    if (!res.ok) throw new Error(`sign-up ${index}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .join("; ");
    return new SimulatedUser(baseUrl, cookie, index);
  }

  private call<T>(kind: "query" | "mutation", procedure: string, input: unknown): Promise<CallResult<T>> {
    return trpc<T>(this.baseUrl, this.cookie, kind, procedure, input);
  }

  async seed(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const res = await this.call("mutation", "task.create", { title: `${pick(WORDS)} ${pick(WORDS)} ${i}` });
      if (!res.ok) throw new Error(`seed: ${res.status} ${res.error}`);
    }
    const tomorrow = new Date(Date.now() + 86_400_000);
    const res = await this.call("mutation", "task.create", { title: "Daily standup", dueAt: tomorrow, recurrenceRule: "FREQ=DAILY" });
    if (!res.ok) throw new Error(`seed recurring: ${res.status} ${res.error}`);
  }

  async run(options: { until: number; startedAt: number; reminderCutoff: number; record: (sample: RequestSample) => void }): Promise<void> {
    // Spread the users' first requests over the first seconds rather than all at once.
    await sleep(Math.random() * 2_000);
    while (Date.now() < options.until) {
      const roll = Math.random();
      const at = Date.now() - options.startedAt;
      let op: string;
      let result: CallResult<unknown>;
      if (roll < 0.35) {
        op = "list";
        result = await this.call("query", "task.list", {});
      } else if (roll < 0.5) {
        op = "search";
        result = await this.call("query", "task.list", { search: pick(WORDS) });
      } else if (roll < 0.7) {
        op = "create";
        const withReminder = Date.now() < options.reminderCutoff && Math.random() < 0.35;
        const input = withReminder
          ? { title: `remind ${pick(WORDS)}`, reminders: [{ at: new Date(Date.now() + 15_000 + Math.random() * 30_000) }] }
          : { title: `${pick(WORDS)} ${pick(WORDS)}` };
        result = await this.call<TaskItem>("mutation", "task.create", input);
        if (withReminder && result.ok) for (const r of (result.data as TaskItem).reminders) this.reminderIds.add(r.id);
      } else if (roll < 0.8) {
        op = "complete-recurring";
        const open = await this.call<{ items: TaskItem[] }>("query", "task.list", { search: "Daily standup" });
        options.record({ at, op: "list", ms: open.ms, ok: open.ok, status: open.status, error: open.error });
        const current = open.data?.items[0];
        if (!current) {
          await sleep(1_000); // the next occurrence is still being created by the recurrence worker
          continue;
        }
        result = await this.call("mutation", "task.complete", { id: current.id });
        // Completing an occurrence someone (this user, a moment ago) already completed is a 409/404, not a failure.
        if (!result.ok && (result.status === 409 || result.status === 404)) result = { ...result, ok: true };
      } else if (roll < 0.92) {
        op = "notifications";
        result = await this.call("query", "notification.list", { limit: 20 });
      } else {
        op = "activity";
        result = await this.call("query", "activity.list", {});
      }
      options.record({ at, op, ms: result.ms, ok: result.ok, status: result.status, error: result.error });
      await sleep(500 + Math.random() * 1_000);
    }
  }

  /** Every reminder this user set produced exactly one notification. */
  async checkReminders(): Promise<{ expected: number; deliveredOnce: number; missing: number; duplicated: number }> {
    const counts = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await this.call<{ items: { reminderId: string | null }[]; nextCursor: string | null }>("query", "notification.list", { limit: 100, cursor });
      if (!page.ok || !page.data) throw new Error(`notification.list: ${page.status} ${page.error}`);
      for (const item of page.data.items) if (item.reminderId) counts.set(item.reminderId, (counts.get(item.reminderId) ?? 0) + 1);
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    let deliveredOnce = 0;
    let missing = 0;
    let duplicated = 0;
    for (const id of this.reminderIds) {
      const n = counts.get(id) ?? 0;
      if (n === 1) deliveredOnce++;
      else if (n === 0) missing++;
      else duplicated++;
    }
    return { expected: this.reminderIds.size, deliveredOnce, missing, duplicated };
  }
}
