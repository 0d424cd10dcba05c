// Turns the names in planned calls into ids, through the same tools an LLM would use:
// search_tasks for task phrases, list_tags/list_categories for labels, list_tasks for "all … tasks".
import type { DomainContext } from "@/server/domain/context";
import { executeTool, type ToolLabel, type ToolTask } from "@/server/tools";
import type { PlannedCall, TaskChoice, ToolArgs } from "./interpreter";

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

async function findTasks(ctx: DomainContext, phrase: string): Promise<ToolTask[]> {
  const outcome = await executeTool(ctx, "search_tasks", { query: phrase, status: "all", limit: 20 });
  if (!outcome.ok) throw new Missing(outcome.error.message);
  const found = outcome.result.tasks;
  const exact = found.filter((t) => t.title.toLowerCase() === phrase.toLowerCase());
  if (exact.length === 1) return exact;
  const open = found.filter((t) => !t.completed);
  return open.length ? open : found;
}

async function resolveLabels(ctx: DomainContext, call: PlannedCall, args: ToolArgs): Promise<void> {
  const create = CREATES_LABELS.has(call.tool);
  const refs = call.refs ?? {};
  if (refs.category_id) args.category_id = await labelId(ctx, "category", refs.category_id, create);
  if (refs.tag_id) args.tag_id = await labelId(ctx, "tag", refs.tag_id, create);
  if (refs.tag_ids) {
    const ids: string[] = [];
    for (const name of refs.tag_ids) ids.push(await labelId(ctx, "tag", name, create));
    args.tag_ids = ids;
  }
}

async function expandForEach(ctx: DomainContext, call: PlannedCall): Promise<PlannedCall[]> {
  const each = call.forEach!;
  const args: ToolArgs = { ...each.args, limit: 100 };
  await resolveLabels(ctx, { tool: "list_tasks", args: {}, refs: each.refs }, args);
  const outcome = await executeTool(ctx, "list_tasks", args);
  if (!outcome.ok) throw new Missing(outcome.error.message);
  if (outcome.result.tasks.length === 0) throw new Missing("There are no matching tasks, so nothing to do.");
  return outcome.result.tasks.map((t) => ({ tool: call.tool, args: { ...call.args, task_id: t.id }, about: t.title }));
}

/** Resolves every call in order; stops at the first name that needs the user's help. */
export async function resolveCalls(ctx: DomainContext, calls: PlannedCall[]): Promise<Resolution> {
  const ready: PlannedCall[] = [];
  try {
    for (const call of calls) {
      if (call.forEach) {
        ready.push(...(await expandForEach(ctx, call)));
        continue;
      }
      const args: ToolArgs = { ...call.args };
      await resolveLabels(ctx, call, args);
      let about = call.refs?.category_id ?? call.refs?.tag_id;
      const phrase = call.refs?.task_id;
      if (phrase) {
        const found = await findTasks(ctx, phrase);
        if (found.length === 0) return { status: "missing", message: `I couldn't find a task matching "${phrase}".` };
        if (found.length > 1) {
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
