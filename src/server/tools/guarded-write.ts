import { randomUUID } from "node:crypto";
import type { DomainContext } from "@/server/domain/context";
import { argumentsHash, issueConfirmation, redeemConfirmation } from "@/server/domain/tool-confirmations";
import { withActivityRecorder } from "@/server/domain/activity";
import { captureChanges, changeKey, describeChanges, type ToolChange } from "./change-capture";
import { ToolArgumentError, ToolForbiddenError, type ToolDefinition, type ToolResultBase } from "./types";

/**
 * How a write tool runs when it must be checked before it commits: a dry run, or any call through an API
 * token. The tool runs for real inside one transaction; what it changed is read back from the activity it
 * recorded (the exact before/after states the undo engine keeps); then the transaction commits, or rolls back for a dry run, a change that needs a confirmation
 * first, or anything the token may not touch. One engine, so a preview is exactly what a confirmed call does.
 */

/** Changes to more tasks than this through an API token need a confirmed preview. */
export const BULK_CONFIRMATION_THRESHOLD = 20;

export interface ChangeView {
  entity: ToolChange["entity"];
  id: string;
  action: string;
  /** The task's title, or the category's / tag's name. */
  name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface PreviewResult extends ToolResultBase {
  applied: false;
  dry_run?: true;
  confirmation_required?: true;
  confirmation_token?: string;
  expires_at?: string;
  changes: ChangeView[];
  /** What the tool would have answered had the change been made. */
  would_return?: ToolResultBase;
}

export interface ControlArgs {
  dry_run?: boolean;
  confirmation_token?: string;
}

/** Thrown inside the transaction to roll it back, carrying what to answer. */
class RollBack extends Error {
  constructor(readonly answer: () => Promise<ToolResultBase>) {
    super("rolled back on purpose");
  }
}

const view = (change: ToolChange): ChangeView => ({
  entity: change.entity,
  id: change.id,
  action: change.action,
  name: change.label,
  before: change.before,
  after: change.after,
});

/** The tool needs a guarded run: a dry run, a confirmation, or any write through an API token. */
export const needsGuardedRun = (ctx: DomainContext, controls: ControlArgs) =>
  controls.dry_run === true || controls.confirmation_token !== undefined || ctx.apiToken !== undefined;

export async function runGuardedWrite(
  callerCtx: DomainContext,
  tool: ToolDefinition,
  parsedArgs: Record<string, unknown> & ControlArgs,
): Promise<ToolResultBase> {
  const { dry_run: dryRun, confirmation_token: confirmationToken, ...toolArgs } = parsedArgs;
  const token = callerCtx.apiToken;
  if (confirmationToken !== undefined && !token) {
    throw new ToolArgumentError("confirmation_token", "only calls through an API token use confirmation tokens; leave it out");
  }
  const hash = argumentsHash(tool.name, toolArgs);
  // A fresh correlation id marks exactly this call's activity rows.
  const base: DomainContext = { ...callerCtx, correlationId: randomUUID() };
  try {
    return await base.db.transaction(async (tx) => {
      const ctx = withActivityRecorder({ ...base, db: tx });
      let confirmedKeys: string[] | undefined;
      if (confirmationToken !== undefined && token && !dryRun) {
        const check = await redeemConfirmation(tx, ctx, { apiTokenId: token.id, token: confirmationToken, tool: tool.name, argumentsHash: hash });
        if (!check.ok) throw new ToolArgumentError("confirmation_token", check.reason);
        confirmedKeys = check.changeKeys;
      }
      const result = await tool.run(ctx, { ...toolArgs, dry_run: dryRun, confirmation_token: confirmationToken });
      const changes = await captureChanges(tx, ctx);
      if (token?.categoryIds) assertWithinCategories(token.categoryIds, changes, result);
      const keys = changes.map(changeKey).sort();
      const what = describeChanges(changes);

      if (dryRun) {
        throw new RollBack(async () => preview(`Dry run, nothing changed: this would ${what}.`, changes, result, { dry_run: true }));
      }
      if (confirmedKeys) {
        if (keys.join("\n") !== confirmedKeys.join("\n")) {
          throw new RollBack(async () => {
            throw new ToolArgumentError(
              "confirmation_token",
              `the data changed since the preview: this call would now ${what}, not what was confirmed; nothing was changed. Call again without confirmation_token for a new preview`,
            );
          });
        }
        return result;
      }
      const taskCount = changes.filter((c) => c.entity === "task").length;
      if (token && (tool.destructive || taskCount > BULK_CONFIRMATION_THRESHOLD)) {
        throw new RollBack(async () => {
          const issued = await issueConfirmation(base.db, base, { apiTokenId: token.id, tool: tool.name, argumentsHash: hash, changeKeys: keys });
          const summary =
            `Not done yet, nothing changed: this would ${what}. To go ahead, call ${tool.name} again with the same arguments ` +
            `plus confirmation_token "${issued.token}" before ${issued.expiresAt.toISOString()} (5 minutes).`;
          return preview(summary, changes, result, {
            confirmation_required: true,
            confirmation_token: issued.token,
            expires_at: issued.expiresAt.toISOString(),
          });
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.answer();
    throw error;
  }
}

function preview(summary: string, changes: ToolChange[], result: ToolResultBase, extra: Partial<PreviewResult>): PreviewResult {
  const { summary: _summary, ...wouldReturn } = result;
  return { summary, applied: false, ...extra, changes: changes.map(view), would_return: { summary: result.summary, ...wouldReturn } };
}

/** A token limited to some categories changes only tasks that are in them before and after the change. */
function assertWithinCategories(allowed: readonly string[], changes: ToolChange[], result: ToolResultBase) {
  for (const change of changes) {
    if (change.entity !== "task") {
      throw new ToolForbiddenError(`this API token is limited to some categories, so it cannot create, change or delete ${change.entity === "category" ? "categories" : "tags"}`);
    }
    for (const category of [change.categoryBefore, change.categoryAfter]) {
      if (category === undefined) continue;
      if (category === null || !allowed.includes(category)) {
        throw new ToolForbiddenError(
          `this API token may only change tasks in its categories; "${change.label}" ${category === null ? "has no category" : "is in another category"}` +
            (change.action === "created" ? " (give category_id of one of its categories)" : ""),
        );
      }
    }
  }
}
