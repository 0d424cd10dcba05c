// Runs corpus cases through the real chat engine on a seeded user and checks the effect on their data
// through the tools (the same API an MCP client uses): which tasks changed and how, which were added,
// which labels appeared or went, and which tasks a question showed.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isDeepStrictEqual } from "node:util";
import { previewOccurrences } from "@/lib/recurrence";
import { handleChatTurn } from "@/server/chat/engine";
import { createConversation } from "@/server/chat/store";
import type { DomainContext } from "@/server/domain/context";
import { executeTool, type ToolTask } from "@/server/tools";
import { createTestDatabase, createTestUser, type TestDatabase } from "../../tests/support/database";
import type { EffectCase, SeedKey, TaskFields } from "./effect-corpus";

export const EFFECT_NOW = new Date("2026-03-11T15:00:00Z");
export const EFFECT_ZONE = "America/New_York";

interface Seed {
  title: string;
  due?: string;
  priority?: "low" | "medium" | "high" | "urgent";
  rule?: string;
  category?: string;
  tags?: string[];
  done?: boolean;
  /** A reminder at this local time (one that already went off, for snoozing). */
  remindAt?: string;
}

export const SEEDS: Record<SeedKey, Seed> = {
  flights: { title: "Book flights to Lisbon", due: "2026-03-13" },
  expense: { title: "Expense report", category: "Work", done: true },
  dry: { title: "Dry cleaning", due: "2026-03-12", category: "Home" },
  standup: { title: "Standup", due: "2026-03-16T09:30", rule: "FREQ=WEEKLY;BYDAY=MO", category: "Work" },
  dentist: { title: "Dentist appointment", due: "2026-03-18T14:00", priority: "high", tags: ["health"] },
  mom: { title: "Call mom" },
  rent: { title: "Pay rent", due: "2026-04-01", rule: "FREQ=MONTHLY;BYMONTHDAY=1", category: "Home", tags: ["finance"] },
  passport: { title: "Renew passport", due: "2026-03-02", priority: "urgent" },
  groceries: { title: "Buy groceries", due: "2026-03-11", category: "Home", tags: ["errands"] },
  budget: { title: "Quarterly budget review", due: "2026-03-20T10:00", category: "Work", tags: ["finance"] },
  // Added with the second batch: its reminder went off yesterday evening, so there is one to snooze.
  vet: { title: "Pick up Rex from the vet", due: "2026-03-10T18:00", remindAt: "2026-03-10T17:30" },
};

const SEED_CATEGORIES = ["Work", "Home"];
const SEED_TAGS = ["health", "finance", "errands"];

async function must<T>(promise: Promise<{ ok: true; result: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

interface Labels {
  categories: Map<string, string>;
  tags: Map<string, string>;
}

async function labels(ctx: DomainContext): Promise<Labels> {
  const categories = await must(executeTool(ctx, "list_categories", {}));
  const tags = await must(executeTool(ctx, "list_tags", {}));
  return {
    categories: new Map(categories.categories.map((c) => [c.name.toLowerCase(), c.id])),
    tags: new Map(tags.tags.map((t) => [t.name.toLowerCase(), t.id])),
  };
}

/** Seeds one user with the corpus's tasks; returns the id of each seeded task. */
async function seed(ctx: DomainContext): Promise<Record<SeedKey, string>> {
  for (const name of SEED_CATEGORIES) await must(executeTool(ctx, "add_category", { name }));
  for (const name of SEED_TAGS) await must(executeTool(ctx, "add_tag", { name }));
  const known = await labels(ctx);
  const ids = {} as Record<SeedKey, string>;
  for (const [key, s] of Object.entries(SEEDS) as [SeedKey, Seed][]) {
    // A reminder that already went off was set the day before.
    const when: DomainContext = s.remindAt ? { ...ctx, now: () => new Date(EFFECT_NOW.getTime() - 86_400_000) } : ctx;
    const added = await must(
      executeTool(when, "add_task", {
        title: s.title,
        ...(s.due ? { due_date: s.due } : {}),
        ...(s.priority ? { priority: s.priority } : {}),
        ...(s.rule ? { recurrence_rule: s.rule } : {}),
        ...(s.category ? { category_id: known.categories.get(s.category.toLowerCase()) } : {}),
        ...(s.tags ? { tag_ids: s.tags.map((t) => known.tags.get(t)!) } : {}),
        ...(s.remindAt ? { remind_at: s.remindAt } : {}),
      }),
    );
    if (s.done) await must(executeTool(ctx, "complete_task", { task_id: added.task.id }));
    ids[key] = added.task.id;
  }
  return ids;
}

interface TaskState {
  title: string;
  description: string;
  due: string | null;
  priority: string;
  rule: string | null;
  done: boolean;
  category: string | null;
  tags: string[];
  reminders: string[];
  /** For comparing rules by the dates they produce. */
  dueAt: Date | null;
}

const local = (iso: string, allDay: boolean) => format(new TZDate(new Date(iso).getTime(), EFFECT_ZONE), allDay ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm");

function stateOf(task: ToolTask): TaskState {
  return {
    title: task.title,
    description: task.description ?? "",
    due: task.due_date ? local(task.due_date, task.all_day) : null,
    priority: task.priority,
    rule: task.recurrence_rule,
    done: task.completed,
    category: task.category?.name ?? null,
    tags: task.tags.map((t) => t.name.toLowerCase()).sort(),
    reminders: task.reminders.filter((r) => r.status !== "cancelled").map((r) => local(r.remind_at, false)).sort(),
    dueAt: task.due_date ? new Date(task.due_date) : null,
  };
}

interface Snapshot {
  tasks: Map<string, TaskState>;
  labels: Labels;
}

async function snapshot(ctx: DomainContext): Promise<Snapshot> {
  const listed = await must(executeTool(ctx, "list_tasks", { status: "all", limit: 100 }));
  return { tasks: new Map(listed.tasks.map((t) => [t.id, stateOf(t)])), labels: await labels(ctx) };
}

const NEW_TASK: Omit<TaskState, "title" | "dueAt"> = {
  description: "",
  due: null,
  priority: "medium",
  rule: null,
  done: false,
  category: null,
  tags: [],
  reminders: [],
};

/** Rules match when they give the same next dates from the task's actual due date. */
function sameRule(expected: string | null, actual: string | null, start: Date | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (!start) return expected === actual;
  try {
    const dates = (rule: string) => previewOccurrences({ rule, start, timeZone: EFFECT_ZONE, count: 8 }).map((d) => d.getTime());
    return isDeepStrictEqual(dates(expected), dates(actual));
  } catch {
    return false;
  }
}

/** The differences between what a task should be and what it is, as readable lines. */
function differences(want: Omit<TaskState, "dueAt">, got: TaskState): string[] {
  const out: string[] = [];
  for (const key of Object.keys(want) as (keyof typeof want)[]) {
    if (key === "rule") {
      if (!sameRule(want.rule, got.rule, got.dueAt)) out.push(`rule: want ${want.rule}, got ${got.rule}`);
      continue;
    }
    const a = key === "title" ? want.title.toLowerCase().trim() : want[key];
    const b = key === "title" ? got.title.toLowerCase().trim() : got[key];
    if (!isDeepStrictEqual(a, b)) out.push(`${key}: want ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`);
  }
  return out;
}

const withFields = <T extends object>(base: T, fields: TaskFields): T => {
  const { deleted: _deleted, ...rest } = fields;
  const merged = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) merged[k] = k === "tags" ? [...(v as string[])].map((t) => t.toLowerCase()).sort() : k === "reminders" ? [...(v as string[])].sort() : v;
  return merged as T;
};

async function shownIds(ctx: DomainContext, query: NonNullable<EffectCase["expect"]["shows"]>, known: Labels): Promise<string[]> {
  const { category, tags, ...rest } = query.args as { category?: string; tags?: string[] } & Record<string, unknown>;
  const args: Record<string, unknown> = { ...rest };
  if (category) args.category_id = known.categories.get(category.toLowerCase());
  if (tags) args.tag_ids = tags.map((t) => known.tags.get(t.toLowerCase()));
  const result = await must(executeTool(ctx, query.tool, args));
  return ("tasks" in result ? result.tasks : []).map((t) => t.id).slice(0, 10).sort();
}

export interface CaseResult {
  index: number;
  say: string[];
  ok: boolean;
  problems: string[];
  replies: string[];
}

/** Thrown to roll a case's transaction back, so every case starts from the same seeded data. */
class RollBack extends Error {}

export class EffectRunner {
  private constructor(
    private readonly db: TestDatabase,
    private readonly ctx: DomainContext,
    private readonly ids: Record<SeedKey, string>,
    private readonly before: Snapshot,
  ) {}

  /** One database and one seeded user; each case runs in a transaction that is rolled back. */
  static async open(): Promise<EffectRunner> {
    const db = await createTestDatabase();
    const ctx = await createTestUser(db.handle, { timeZone: EFFECT_ZONE, now: () => EFFECT_NOW });
    const ids = await seed(ctx);
    return new EffectRunner(db, ctx, ids, await snapshot(ctx));
  }

  async close(): Promise<void> {
    await this.db.drop();
  }

  async run(index: number, entry: EffectCase): Promise<CaseResult> {
    let result: CaseResult | undefined;
    try {
      await this.ctx.db.transaction(async (tx) => {
        // A transaction is a database handle too (nested transactions become savepoints).
        const ctx: DomainContext = { ...this.ctx, db: tx as unknown as DomainContext["db"] };
        result = await this.runIn(ctx, index, entry);
        throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    return result!;
  }

  private async runIn(ctx: DomainContext, index: number, entry: EffectCase): Promise<CaseResult> {
    const conversation = await createConversation(ctx);
    const replies: string[] = [];
    let lastCards: string[] = [];
    for (const text of entry.say) {
      let message = await handleChatTurn(ctx, conversation.id, text);
      replies.push(message.content);
      // A confirmation question is answered yes: the case names the effect the person wanted.
      if (message.suggestions.includes("Yes")) {
        message = await handleChatTurn(ctx, conversation.id, "yes");
        replies.push(message.content);
      }
      lastCards = message.cards.map((c) => c.id).sort();
    }
    const after = await snapshot(ctx);
    const problems = this.check(entry, this.ids, this.before, after);
    if (entry.expect.shows) {
      const want = await shownIds(ctx, entry.expect.shows, after.labels);
      if (!isDeepStrictEqual(want, lastCards)) problems.push(`shows ${lastCards.length} tasks, want the ${want.length} from ${entry.expect.shows.tool}`);
    }
    return { index, say: entry.say, ok: problems.length === 0, problems, replies };
  }
  private check(entry: EffectCase, ids: Record<SeedKey, string>, before: Snapshot, after: Snapshot): string[] {
    const problems: string[] = [];
    const expect = entry.expect;
    for (const key of Object.keys(SEEDS) as SeedKey[]) {
      const id = ids[key];
      const wanted = expect.edit?.[key];
      const was = before.tasks.get(id)!;
      const now = after.tasks.get(id);
      if (wanted?.deleted) {
        if (now) problems.push(`${key}: should be deleted`);
        continue;
      }
      if (!now) {
        problems.push(`${key}: deleted`);
        continue;
      }
      const { dueAt: _d, ...base } = was;
      const want = wanted ? withFields(base, wanted) : base;
      for (const line of differences(want, now)) problems.push(`${key} ${line}`);
    }
    const seeded = new Set(Object.values(ids));
    const added = [...after.tasks.entries()].filter(([id]) => !seeded.has(id)).map(([, t]) => t);
    const wantAdded = expect.add ?? [];
    if (added.length !== wantAdded.length) problems.push(`added ${added.length} tasks (${added.map((t) => JSON.stringify(t.title)).join(", ")}), want ${wantAdded.length}`);
    else {
      wantAdded.forEach((fields, i) => {
        const want = withFields({ ...NEW_TASK, title: "" }, fields);
        for (const line of differences(want, added[i]!)) problems.push(`new task ${line}`);
      });
    }
    for (const kind of ["tags", "categories"] as const) {
      const was = [...before.labels[kind].keys()];
      const newOnes = (kind === "tags" ? expect.newTags : expect.newCategories) ?? [];
      const gone = (kind === "tags" ? expect.goneTags : expect.goneCategories) ?? [];
      const want = [...was.filter((n) => !gone.map((g) => g.toLowerCase()).includes(n)), ...newOnes.map((n) => n.toLowerCase())].sort();
      const got = [...after.labels[kind].keys()].sort();
      if (!isDeepStrictEqual(want, got)) problems.push(`${kind}: want ${want.join(",")}, got ${got.join(",")}`);
    }
    return problems;
  }
}
