import { z } from "zod";
import { NotFoundError } from "@/server/domain/errors";
import { entryUndoReach, latestRevertableEntry } from "@/server/domain/undo/latest";
import { revertActivity } from "@/server/domain/undo/revert";
import { WRITE_NOTE, writeControls } from "./args";
import { defineTool, ToolArgumentError, ToolForbiddenError, type ToolResultBase } from "./types";

export interface UndoToolResult extends ToolResultBase {
  /** The entry that was undone, and the new entry recording the undo (undo that one to redo). */
  undone: { activity_id: number; action: string };
  revert_activity_id: number;
  changed: number;
}

const quoteList = (names: string[]) => {
  const quoted = names.slice(0, 3).map((n) => `"${n}"`);
  return names.length > 3 ? `${quoted.join(", ")} and ${names.length - 3} more` : quoted.join(", ");
};

/** How a reply names an entry's action: "Undid the completion of …". */
const ACTION_NOUNS: Record<string, string> = { bulk: "bulk edit", created: "adding", deleted: "deletion", completed: "completion", uncompleted: "reopening" };

/**
 * A token undoes only what it did itself, and undoing a creation deletes, so that needs the delete scope too
 * (otherwise a write-only token could delete through undo).
 */
function assertTokenMayUndo(token: { scopes: readonly string[] }, reach: { byThisToken: boolean; removes: boolean }, id: number) {
  if (!reach.byThisToken) throw new NotFoundError("activity", String(id));
  if (reach.removes && !token.scopes.includes("delete")) {
    throw new ToolForbiddenError(
      `undoing activity entry ${id} deletes what it created, which needs the "delete" scope (this token has: ${token.scopes.join(", ")}). ` +
        `Use delete_task, or a token with the "delete" scope.`,
      "delete",
    );
  }
}

export const undoChangeTool = defineTool({
  name: "undo_change",
  description:
    "Undo a change (the same as Undo in the activity log): the newest change not undone yet, the newest bulk edit with bulk: true, or " +
    "the entry activity_id; with after_activity_id, only changes newer than that entry (a session's own). Through an API token, only the token's own changes. If a field changed since, the undo fails naming it; " +
    `apply_rest: true then undoes everything else and keeps that field.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      activity_id: z.number().int().positive("must be the id of an activity entry").optional(),
      bulk: z.boolean().optional().describe("The newest bulk edit instead of the newest change"),
      after_activity_id: z.number().int().nonnegative("must be the id of an activity entry, or 0").optional().describe("Only changes newer than this entry count"),
      apply_rest: z.boolean().optional(),
      ...writeControls,
    })
    .strict(),
  examples: [{}, { bulk: true }, { activity_id: 42, apply_rest: true, dry_run: true }],
  async run(ctx, a): Promise<UndoToolResult> {
    if (a.activity_id !== undefined && a.bulk) throw new ToolArgumentError("bulk", "give either activity_id or bulk, not both");
    let entry: { id: number; action: string; names: string[] };
    try {
      entry =
        a.activity_id === undefined ? await latestRevertableEntry(ctx, { bulk: a.bulk, after: a.after_activity_id }) : { id: a.activity_id, action: "change", names: [] };
    } catch (error) {
      if (error instanceof NotFoundError) {
        const since = a.after_activity_id === undefined ? "" : ` newer than entry ${a.after_activity_id}`;
        throw new ToolArgumentError(a.bulk ? "bulk" : undefined, a.bulk ? `there is no bulk edit${since} left to undo` : `there is no change${since} left to undo`);
      }
      throw error;
    }
    if (ctx.apiToken) assertTokenMayUndo(ctx.apiToken, await entryUndoReach(ctx, entry.id), entry.id);
    const result = await revertActivity(ctx, { id: entry.id, applyRest: a.apply_rest });
    const what = entry.action === "change" ? `change ${entry.id}` : `the ${ACTION_NOUNS[entry.action] ?? "change"}`;
    const of = entry.names.length ? ` of ${quoteList(entry.names)}` : "";
    const kept = result.skipped.length ? ` Kept ${result.skipped.map((s) => `the ${s.field} of "${s.name}"`).join(", ")}, which changed since.` : "";
    return {
      summary: `Undid ${what}${of}.${kept}`,
      undone: { activity_id: entry.id, action: entry.action },
      revert_activity_id: result.activityId,
      changed: result.changed,
    };
  },
});
