// Turns the names in planned calls into ids, through the same tools an LLM would use:
// search_tasks for task phrases, list_tags/list_categories for labels, list_tasks for "all … tasks".
import { distance } from "fastest-levenshtein";
import type { DomainContext } from "@/server/domain/context";
import { executeTool, type ToolLabel, type ToolTask } from "@/server/tools";
import type { PlannedCall, TaskChoice, ToolArgs } from "./interpreter";
import { scrambled } from "./interpreter/normalize";

export type Resolution =
  | { status: "ready"; calls: PlannedCall[] }
  | { status: "choose"; call: PlannedCall; options: TaskChoice[]; phrase: string }
  | { status: "missing"; message: string };

class Missing extends Error {}

/** Tools that may create a label the user named but does not have yet. */
const CREATES_LABELS = new Set(["add_task", "add_tag_to_task"]);
const MAX_CHOICES = 5;

async function labels(ctx: DomainContext, kind: "tag" | "category"): Promise<ToolLabel[]> {
  const outcome = await executeTool(ctx, kind === "tag" ? "list_tags" : "list_categories", {});
  if (!outcome.ok) throw new Missing(outcome.error.message);
  return "tags" in outcome.result ? outcome.result.tags : "categories" in outcome.result ? outcome.result.categories : [];
}

async function labelId(ctx: DomainContext, kind: "tag" | "category", name: string, create: boolean): Promise<string> {
  const hit = (await labels(ctx, kind)).find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (hit) return hit.id;
  if (!create) throw new Missing(`You don't have a ${kind} called "${name}".`);
  const outcome = await executeTool(ctx, kind === "tag" ? "add_tag" : "add_category", { name });
  if (!outcome.ok) throw new Missing(outcome.error.message);
  return "tag" in outcome.result ? outcome.result.tag.id : "category" in outcome.result ? outcome.result.category.id : "";
}

const FILLER = new Set(["the", "a", "an", "my", "our", "to", "of", "for", "on", "in", "at", "with", "and", "task", "todo", "one", "thing", "item", "about"]);
/** Abbreviations people type for a title's word ("dentist appt" names "Dentist appointment"). */
const ABBREVIATIONS: Record<string, string> = { appt: "appointment", appts: "appointments", mtg: "meeting", dr: "doctor", bday: "birthday" };
const contentWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FILLER.has(w))
    .map((w) => ABBREVIATIONS[w] ?? w);
const STEM = 4;
/** Same word, or the same stem for longer words ("renewing", "renewal" ~ "renew"). */
/** Endings that make a noun or participle of a word ("payment" of "pay", "booking" of "book"). */
const SUFFIX = /^(?:s|es|ed|d|ing|ment|ments|al|er|ers|ation|ion)$/;
const derived = (short: string, long: string) => short.length >= 3 && long.startsWith(short) && SUFFIX.test(long.slice(short.length));
const sameWord = (a: string, b: string) =>
  a === b ||
  (a.length >= STEM && b.length >= STEM && a.slice(0, STEM) === b.slice(0, STEM)) ||
  derived(a, b) ||
  derived(b, a) ||
  // A typo that mixes the letters up ("claening", "reveiw") still names the word.
  scrambled(a, b) ||
  // So does one letter dropped, doubled or struck wrong in a long word ("pasport", "dentisst").
  (Math.min(a.length, b.length) >= 6 && distance(a, b) === 1);

/**
 * Whether a phrase plausibly names a task: every word of it is in the title, and it is not much longer
 * than the title ("book flights to lisbon to book flights" does not name "Book flights to Lisbon").
 */
export function namesTask(phrase: string, title: string): boolean {
  const words = contentWords(phrase);
  const titleWords = contentWords(title);
  if (!words.length || words.length > titleWords.length + 1) return false;
  return words.every((w) => titleWords.some((t) => sameWord(w, t)));
}

/** Tools that act on completed tasks, where a done task is the likelier one meant. */
const PREFERS_DONE = new Set(["reopen_task"]);

async function findTasks(ctx: DomainContext, phrase: string, tool: string, strict: boolean): Promise<ToolTask[]> {
  const outcome = await executeTool(ctx, "search_tasks", { query: phrase, status: "all", limit: 20 });
  if (!outcome.ok) throw new Missing(outcome.error.message);
  let found = outcome.result.tasks;
  const exact = found.filter((t) => t.title.toLowerCase() === phrase.toLowerCase());
  if (exact.length === 1) return exact;
  let named = found.filter((t) => namesTask(phrase, t.title));
  if (!named.length) {
    // Search matches whole words; "renewing my passport" still names "Renew passport".
    const listed = await executeTool(ctx, "list_tasks", { status: "all", limit: 100 });
    if (listed.ok) named = listed.result.tasks.filter((t) => namesTask(phrase, t.title));
  }
  if (named.length || strict) found = named;
  const preferDone = PREFERS_DONE.has(tool);
  const preferred = found.filter((t) => t.completed === preferDone);
  return preferred.length ? preferred : found;
}

async function resolveLabels(ctx: DomainContext, call: PlannedCall, args: ToolArgs, strict = false): Promise<void> {
  const create = CREATES_LABELS.has(call.tool) && !strict;
  // A task's tags said anew ("add renew the lease #finance" → "i meant #home") may name a new tag, as tagging does.
  const createTags = create || (call.tool === "update_task" && !strict);
  const refs = call.refs ?? {};
  if (refs.category_id) args.category_id = await labelId(ctx, "category", refs.category_id, create);
  if (refs.tag_id) args.tag_id = await labelId(ctx, "tag", refs.tag_id, create);
  if (refs.tag_ids) {
    const ids: string[] = [];
    for (const name of refs.tag_ids) ids.push(await labelId(ctx, "tag", name, createTags));
    args.tag_ids = ids;
  }
}

/** Tools that take many tasks in one call (one activity entry, so one undo). */
const BULK_TOOLS = new Set(["update_tasks", "delete_tasks"]);

async function expandForEach(ctx: DomainContext, call: PlannedCall): Promise<PlannedCall[]> {
  const each = call.forEach!;
  const tasks = each.tasks ?? (await groupTasks(ctx, each));
  if (tasks.length === 0) throw new Missing("There are no matching tasks, so nothing to do.");
  if (BULK_TOOLS.has(call.tool)) {
    // One bulk call over all of them: one activity entry, undone as one.
    const bulkArgs: ToolArgs = { ...call.args, task_ids: tasks.map((t) => t.id) };
    // Tagging them all may name a new tag ("tag all my home tasks with weekend"), as tagging one may.
    await resolveLabels(ctx, call.args.action === "add_tag" ? { ...call, tool: "add_tag_to_task" } : call, bulkArgs, call.args.action !== "add_tag");
    return [{ tool: call.tool, args: bulkArgs, about: `${tasks.length} task${tasks.length === 1 ? "" : "s"}` }];
  }
  return tasks.map((t) => ({ tool: call.tool, args: { ...call.args, task_id: t.id }, about: t.title }));
}

/** The tasks a list_tasks query over a category, tag or due window finds ("all overdue stuff", "everything in home"). */
async function groupTasks(ctx: DomainContext, each: NonNullable<PlannedCall["forEach"]>): Promise<TaskChoice[]> {
  const args: ToolArgs = { ...each.args, limit: 100 };
  try {
    await resolveLabels(ctx, { tool: "list_tasks", args: {}, refs: each.refs }, args);
  } catch (error) {
    // "all the finance stuff": a group named by a label is its category, else the tag of that name.
    const name = each.refs?.category_id;
    if (!(error instanceof Missing) || !name) throw error;
    delete args.category_id;
    await resolveLabels(ctx, { tool: "list_tasks", args: {}, refs: { tag_ids: [name] } }, args).catch(() => {
      throw error;
    });
  }
  const outcome = await executeTool(ctx, "list_tasks", args);
  if (!outcome.ok) throw new Missing(outcome.error.message);
  return outcome.result.tasks.map((t) => ({ id: t.id, title: t.title }));
}

/**
 * Resolves every call in order; stops at the first name that needs the user's help. `strict` (used while
 * other readings remain to try) accepts only names that plainly fit: a task whose title holds the words,
 * labels that already exist.
 */
export async function resolveCalls(ctx: DomainContext, calls: PlannedCall[], strict = false): Promise<Resolution> {
  const ready: PlannedCall[] = [];
  try {
    for (const call of calls) {
      if (call.forEach) {
        ready.push(...(await expandForEach(ctx, call)));
        continue;
      }
      const args: ToolArgs = { ...call.args };
      await resolveLabels(ctx, call, args, strict);
      let about = call.refs?.category_id ?? call.refs?.tag_id;
      const phrase = call.refs?.task_id;
      if (phrase) {
        const found = await findTasks(ctx, phrase, call.tool, strict);
        if (found.length === 0) return { status: "missing", message: `I couldn't find a task matching "${phrase}".` };
        if (found.length > 1) {
          if (strict) return { status: "missing", message: `More than one task matches "${phrase}".` };
          const options = found.slice(0, MAX_CHOICES).map((t) => ({ id: t.id, title: t.title }));
          // Labels are already ids; only the task is left to choose.
          return { status: "choose", phrase, options, call: { tool: call.tool, args } };
        }
        args.task_id = found[0]!.id;
        about = found[0]!.title;
      }
      ready.push({ tool: call.tool, args, ...(about ? { about } : {}) });
    }
  } catch (error) {
    if (error instanceof Missing) return { status: "missing", message: error.message };
    throw error;
  }
  return { status: "ready", calls: ready };
}
