"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { PRIORITIES } from "@/lib/ui/constants";
import { Button } from "@/components/ui/button";
import { errorCode } from "@/lib/client/query-client";
import { useTRPC, useTRPCClient } from "@/lib/client/trpc";
import { useUndo } from "@/lib/client/undo";
import type { TaskView } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";
import { fromWall } from "@/lib/ui/zoned";
import { ActivityHistory } from "./activity-history";
import { ReminderReceipts } from "./reminder-receipts";
import { ConflictNotice } from "./conflict-notice";
import { changedFields, draftFromTask, patchFrom, type Draft, type DraftField } from "./draft";
import { fieldClass, FieldLabel } from "./fields";
import { OccurrencesPanel } from "./occurrences-panel";
import { RecurrenceBuilder } from "./recurrence-builder";
import { RemindersEditor } from "./reminders-editor";
import { TagPicker } from "./tag-picker";

interface Conflict {
  theirs: TaskView;
  theirDraft: Draft;
  theirChanges: DraftField[];
}

/** Every field of a task, saved as a patch of what changed against the version it was opened at. */
export function EditorForm({ task, timeZone, onClose, onDelete }: { task: TaskView; timeZone: string; onClose: () => void; onDelete: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const categories = useQuery(trpc.category.list.queryOptions()).data ?? [];
  const tags = useQuery(trpc.tag.list.queryOptions()).data ?? [];
  const [baseTask, setBaseTask] = useState(task);
  const [base, setBase] = useState(() => draftFromTask(task, timeZone));
  const [draft, setDraft] = useState(base);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** For an open occurrence of a series: does an edit apply to it alone, or to it and the ones after it? */
  const [scope, setScope] = useState<"following" | "this">("following");
  const inSeries = Boolean(baseTask.recurrenceRule) && !baseTask.completed && !baseTask.deletedAt;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const saveOptions = {
    onSuccess: (saved: TaskView & { activityId: number | null }) => {
        queryClient.setQueryData(trpc.task.get.queryKey({ id: saved.id }), saved);
        void refetchAfterChange(queryClient, [
          trpc.task.list.pathFilter(),
          trpc.activity.pathFilter(),
          trpc.category.list.queryFilter(),
          trpc.tag.list.queryFilter(),
        ]);
        undo.announce("Saved", saved.activityId);
        onClose();
      },
      onError: async (err: { message: string }) => {
        if (errorCode(err) !== "CONFLICT") return setError(err.message);
        const theirs = await client.task.get.query({ id: task.id });
        const theirDraft = draftFromTask(theirs, timeZone);
        setConflict({ theirs, theirDraft, theirChanges: changedFields(base, theirDraft) });
      },
  };
  const update = useMutation(trpc.task.update.mutationOptions(saveOptions));
  const updateOccurrence = useMutation(trpc.task.updateOccurrence.mutationOptions(saveOptions));
  const save = {
    isPending: update.isPending || updateOccurrence.isPending,
    mutate: (input: Parameters<typeof update.mutate>[0]) => (inSeries ? updateOccurrence.mutate({ ...input, scope }) : update.mutate(input)),
  };

  function submit(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    if (!draft.title.trim()) return setError("The title must not be empty.");
    if (draft.recurrenceRule && !draft.date) return setError("A repeating task needs a due date.");
    const patch = patchFrom(base, draft, timeZone);
    if (Object.keys(patch).length === 0) return onClose();
    save.mutate({ id: baseTask.id, version: baseTask.version, ...patch });
  }

  function keepMine() {
    if (!conflict) return;
    const mine = changedFields(base, draft);
    // Rebase: start from their version and re-apply only the fields I changed.
    const rebased = { ...conflict.theirDraft };
    for (const f of mine) (rebased as Record<DraftField, unknown>)[f] = draft[f];
    setBaseTask(conflict.theirs);
    setBase(conflict.theirDraft);
    setDraft(rebased);
    setConflict(null);
    const patch = patchFrom(conflict.theirDraft, rebased, timeZone);
    if (Object.keys(patch).length > 0) save.mutate({ id: conflict.theirs.id, version: conflict.theirs.version, ...patch });
  }

  /** The task changed under the editor (an occurrence skipped or moved): keep my edits on top of the new version. */
  function rebaseOn(theirs: TaskView) {
    const theirDraft = draftFromTask(theirs, timeZone);
    const rebased = { ...theirDraft };
    for (const f of changedFields(base, draft)) (rebased as Record<DraftField, unknown>)[f] = draft[f];
    setBaseTask(theirs);
    setBase(theirDraft);
    setDraft(rebased);
  }

  function takeTheirs() {
    if (!conflict) return;
    setBaseTask(conflict.theirs);
    setBase(conflict.theirDraft);
    setDraft(conflict.theirDraft);
    setConflict(null);
  }

  const dueStart = draft.date ? fromWall(draft.date, draft.time, timeZone) : null;
  return (
    <form onSubmit={submit} className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4">
        {conflict && (
          <ConflictNotice
            base={base}
            theirs={conflict.theirDraft}
            theirChanges={conflict.theirChanges}
            mineChanges={changedFields(base, draft)}
            labels={{ categories, tags }}
            timeZone={timeZone}
            onKeepMine={keepMine}
            onTakeTheirs={takeTheirs}
          />
        )}
        <label className="block">
          <FieldLabel>Title</FieldLabel>
          <input value={draft.title} onChange={(e) => set("title", e.target.value)} maxLength={200} required className={fieldClass} />
        </label>
        <label className="block">
          <FieldLabel>Description</FieldLabel>
          <textarea
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
            maxLength={2000}
            rows={3}
            className={`${fieldClass} h-auto py-2`}
          />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="block">
            <FieldLabel>Priority</FieldLabel>
            <select value={draft.priority} onChange={(e) => set("priority", e.target.value as Draft["priority"])} className={fieldClass}>
              {[...PRIORITIES].reverse().map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_STYLE[p].label}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <FieldLabel>Category</FieldLabel>
            <select value={draft.categoryId} onChange={(e) => set("categoryId", e.target.value)} className={fieldClass}>
              <option value="">None</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          <label className="block">
            <FieldLabel>Due date</FieldLabel>
            <input type="date" value={draft.date} onChange={(e) => set("date", e.target.value)} className={fieldClass} />
          </label>
          <label className="block">
            <FieldLabel>Time (optional)</FieldLabel>
            <input type="time" value={draft.time} disabled={!draft.date} onChange={(e) => set("time", e.target.value)} className={fieldClass} />
          </label>
          <Button size="sm" variant="ghost" disabled={!draft.date} onClick={() => setDraft((d) => ({ ...d, date: "", time: "" }))}>
            Clear
          </Button>
        </div>
        <div>
          <FieldLabel>Tags</FieldLabel>
          <div className="mt-1">
            <TagPicker tags={tags} value={draft.tagIds} onChange={(ids) => set("tagIds", ids)} />
          </div>
        </div>
        <div>
          <FieldLabel>Repeat</FieldLabel>
          <div className="mt-1">
            <RecurrenceBuilder
              rule={draft.recurrenceRule}
              basis={draft.recurrenceBasis}
              start={dueStart}
              timeZone={timeZone}
              onChange={(rule, basis) => setDraft((d) => ({ ...d, recurrenceRule: rule, recurrenceBasis: basis }))}
            />
          </div>
        </div>
        {inSeries && (
          <fieldset>
            <legend className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">Apply changes to</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <label className="flex items-center gap-1.5 pointer-coarse:min-h-11">
                <input type="radio" name="scope" checked={scope === "following"} onChange={() => setScope("following")} className="accent-accent-600" />
                This and following occurrences
              </label>
              <label className="flex items-center gap-1.5 pointer-coarse:min-h-11">
                <input type="radio" name="scope" checked={scope === "this"} onChange={() => setScope("this")} className="accent-accent-600" />
                This occurrence only
              </label>
            </div>
          </fieldset>
        )}
        {inSeries && <OccurrencesPanel task={baseTask} timeZone={timeZone} onChanged={rebaseOn} />}
        <div>
          <FieldLabel>Reminders</FieldLabel>
          <div className="mt-1">
            <RemindersEditor value={draft.reminders} onChange={(r) => set("reminders", r)} hasDue={Boolean(draft.date)} />
          </div>
        </div>
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium">History</summary>
          <div className="mt-2">
            <ActivityHistory taskId={task.id} timeZone={timeZone} />
            <ReminderReceipts taskId={task.id} timeZone={timeZone} />
          </div>
        </details>
      </div>
      <div className="flex shrink-0 items-center gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={onDelete}>
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
        {error && (
          <p role="alert" className="min-w-0 flex-1 truncate text-sm text-red-700 dark:text-red-400" title={error}>
            {error}
          </p>
        )}
        <div className="ml-auto flex gap-2">
          <Dialog.Close asChild>
            <Button>Cancel</Button>
          </Dialog.Close>
          <Button type="submit" variant="primary" disabled={save.isPending || conflict !== null}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
    </form>
  );
}
