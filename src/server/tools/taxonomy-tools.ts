import { z } from "zod";
import { CATEGORY_NAME_MAX, createCategory, deleteCategory, getCategory, listCategories, updateCategory } from "@/server/domain/categories";
import { createTag, deleteTag, getTag, listTags, TAG_NAME_MAX, updateTag } from "@/server/domain/tags";
import { bulkUpdateTasks } from "@/server/domain/tasks";
import type { TaxonomyItem, TaxonomyListItem } from "@/server/domain/taxonomy-shared";
import { args, CONFIRM_NOTE, EXAMPLE_IDS, WRITE_NOTE, writeControls } from "./args";
import { labelText, taskLine, toToolTask, type Noun, type ToolLabel } from "./present";
import type { TaskResult } from "./task-tools";
import { defineTool, ToolArgumentError } from "./types";

/** Categories, tags, and tagging a task. Names and colours are checked by the domain's own schemas. */

export interface ToolLabelWithCount extends ToolLabel {
  /** Open tasks that use it. */
  open_tasks: number;
}

const label = (item: TaxonomyItem): ToolLabel => ({ id: item.id, name: item.name, color: item.color });
const labelWithCount = (item: TaxonomyListItem): ToolLabelWithCount => ({ ...label(item), open_tasks: item.taskCount });

const name = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #RRGGBB (e.g. #3B82F6)")
  .describe("Colour as #RRGGBB, e.g. #3B82F6");

const listLine = (items: ToolLabelWithCount[], noun: Noun) =>
  items.length === 0
    ? `No ${noun.many} yet.`
    : `${items.length} ${items.length === 1 ? noun.one : noun.many}: ${items.map((i) => `${i.name} (${i.open_tasks} open)`).join(", ")}.`;

/** What a rename/recolour says: the old and new name, or only the colour when the name stayed. */
function renameLine(noun: string, before: TaxonomyItem, after: ToolLabel): string {
  const renamed = before.name !== after.name;
  const recolored = before.color !== after.color;
  const colorText = after.color ? `the colour ${after.color}` : "no colour";
  if (renamed) return `Renamed the ${noun} "${before.name}" to "${after.name}"${recolored ? `, with ${colorText}` : ""}.`;
  return recolored ? `Gave the ${noun} "${after.name}" ${colorText}.` : `The ${noun} "${after.name}" already had that name and colour; nothing changed.`;
}

/** A rename without a new name or colour would change nothing: say so rather than record an empty change. */
function assertSomethingToChange(a: { name?: string; color?: string }) {
  if (a.name === undefined && a.color === undefined) throw new ToolArgumentError("name", "give a new name, a color, or both");
}

const renameNote = " Its tasks keep it; undo_change takes the rename back.";

export const addCategory = defineTool({
  name: "add_category",
  description: `Create a category (each task has at most one; names are unique per user).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z.object({ name: name(CATEGORY_NAME_MAX).describe("Category name"), color: color.optional(), ...writeControls }).strict(),
  examples: [{ name: "Errands" }, { name: "Work", color: "#3B82F6" }],
  async run(ctx, a) {
    const category = label(await createCategory(ctx, { name: a.name, color: a.color }));
    return { summary: `Added category ${labelText(category)}.`, category };
  },
});

export const listCategoriesTool = defineTool({
  name: "list_categories",
  description: "List the user's categories with their ids and counts of open tasks.",
  scope: "read",
  inputSchema: z.object({}).strict(),
  examples: [{}],
  async run(ctx) {
    // A token limited to some categories sees only those.
    const allowed = ctx.apiToken?.categoryIds;
    const categories = (await listCategories(ctx)).filter((c) => !allowed || allowed.includes(c.id)).map(labelWithCount);
    return { summary: listLine(categories, { one: "category", many: "categories" }), categories };
  },
});

export const deleteCategoryTool = defineTool({
  name: "delete_category",
  description: `Delete a category; its tasks stay, without a category.${WRITE_NOTE}${CONFIRM_NOTE}`,
  scope: "delete",
  destructive: true,
  inputSchema: z.object({ category_id: args.categoryId, ...writeControls }).strict(),
  examples: [{ category_id: EXAMPLE_IDS.category }, { category_id: EXAMPLE_IDS.category, dry_run: true }],
  async run(ctx, a) {
    const result = await deleteCategory(ctx, { id: a.category_id });
    return {
      summary: `Deleted the category; ${result.affectedTasks} task${result.affectedTasks === 1 ? "" : "s"} no longer have it.`,
      deleted_id: result.id,
      affected_tasks: result.affectedTasks,
    };
  },
});

export const renameCategory = defineTool({
  name: "rename_category",
  description: `Rename a category and/or change its colour (names are unique per user, ignoring case).${renameNote}${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      category_id: args.categoryId,
      name: name(CATEGORY_NAME_MAX).describe("The category's new name").optional(),
      color: color.optional(),
      ...writeControls,
    })
    .strict(),
  examples: [{ category_id: EXAMPLE_IDS.category, name: "Chores" }, { category_id: EXAMPLE_IDS.category, color: "#22C55E", dry_run: true }],
  async run(ctx, a) {
    assertSomethingToChange(a);
    const before = await getCategory(ctx, { id: a.category_id });
    const category = label(await updateCategory(ctx, { id: a.category_id, name: a.name, color: a.color }));
    return { summary: renameLine("category", before, category), category, previous_name: before.name };
  },
});

export const addTag = defineTool({
  name: "add_tag",
  description: `Create a tag (a task can carry several; names are unique per user).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z.object({ name: name(TAG_NAME_MAX).describe("Tag name"), color: color.optional(), ...writeControls }).strict(),
  examples: [{ name: "shop" }, { name: "urgent-call", color: "#EF4444", dry_run: true }],
  async run(ctx, a) {
    const tag = label(await createTag(ctx, { name: a.name, color: a.color }));
    return { summary: `Added tag ${labelText(tag)}.`, tag };
  },
});

export const listTagsTool = defineTool({
  name: "list_tags",
  description: "List the user's tags with their ids and counts of open tasks.",
  scope: "read",
  inputSchema: z.object({}).strict(),
  examples: [{}],
  async run(ctx) {
    // Tags are not per category, but a token limited to some categories must not learn about tasks outside them.
    const allowed = ctx.apiToken?.categoryIds;
    const tags = (await listTags(ctx, allowed ? { withinCategories: allowed } : undefined)).map(labelWithCount);
    return { summary: listLine(tags, { one: "tag", many: "tags" }), tags };
  },
});

export const deleteTagTool = defineTool({
  name: "delete_tag",
  description: `Delete a tag and remove it from every task.${WRITE_NOTE}${CONFIRM_NOTE}`,
  scope: "delete",
  destructive: true,
  inputSchema: z.object({ tag_id: args.tagId, ...writeControls }).strict(),
  examples: [{ tag_id: EXAMPLE_IDS.tag }, { tag_id: EXAMPLE_IDS.tag, dry_run: true }],
  async run(ctx, a) {
    const result = await deleteTag(ctx, { id: a.tag_id });
    return {
      summary: `Deleted the tag; it was removed from ${result.affectedTasks} task${result.affectedTasks === 1 ? "" : "s"}.`,
      deleted_id: result.id,
      affected_tasks: result.affectedTasks,
    };
  },
});

export const renameTag = defineTool({
  name: "rename_tag",
  description: `Rename a tag and/or change its colour (names are unique per user, ignoring case).${renameNote}${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({ tag_id: args.tagId, name: name(TAG_NAME_MAX).describe("The tag's new name").optional(), color: color.optional(), ...writeControls })
    .strict(),
  examples: [{ tag_id: EXAMPLE_IDS.tag, name: "shopping" }, { tag_id: EXAMPLE_IDS.tag, name: "office", color: "#3B82F6", dry_run: true }],
  async run(ctx, a) {
    assertSomethingToChange(a);
    const before = await getTag(ctx, { id: a.tag_id });
    const tag = label(await updateTag(ctx, { id: a.tag_id, name: a.name, color: a.color }));
    return { summary: renameLine("tag", before, tag), tag, previous_name: before.name };
  },
});

const taskTagInput = z.object({ task_id: args.taskId, tag_id: args.tagId, ...writeControls }).strict();
const taskTagExamples = [{ task_id: EXAMPLE_IDS.task, tag_id: EXAMPLE_IDS.tag }, { task_id: EXAMPLE_IDS.task, tag_id: EXAMPLE_IDS.tag, dry_run: true }];

export const addTagToTask = defineTool({
  name: "add_tag_to_task",
  description: `Put an existing tag on a task (create the tag first with add_tag if needed).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: taskTagInput,
  examples: taskTagExamples,
  async run(ctx, a): Promise<TaskResult> {
    const { items } = await bulkUpdateTasks(ctx, { ids: [a.task_id], action: { type: "addTag", tagId: a.tag_id } });
    const task = toToolTask(ctx, items[0]!);
    const tag = task.tags.find((t) => t.id === a.tag_id);
    return { summary: `Tagged ${taskLine(task)} with ${tag ? `"${tag.name}"` : "the tag"}.`, task };
  },
});

export const removeTagFromTask = defineTool({
  name: "remove_tag_from_task",
  description: `Take a tag off a task (the tag itself stays).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: taskTagInput,
  examples: taskTagExamples,
  async run(ctx, a): Promise<TaskResult> {
    const { items } = await bulkUpdateTasks(ctx, { ids: [a.task_id], action: { type: "removeTag", tagId: a.tag_id } });
    const task = toToolTask(ctx, items[0]!);
    return { summary: `Removed the tag from ${taskLine(task)}.`, task };
  },
});
