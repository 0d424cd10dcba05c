"use client";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import dynamic from "next/dynamic";
import { Dialog } from "radix-ui";
import { useTRPC } from "@/lib/client/trpc";
import { useTaskActions } from "./use-task-actions";

function EditorSkeleton() {
  return (
    <div className="space-y-3 p-4" aria-hidden>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      ))}
    </div>
  );
}

// The form (recurrence builder, rrule, zod specs) loads on first open, keeping it out of the first-load bundle.
const EditorForm = dynamic(() => import("@/components/editor/editor-form").then((m) => m.EditorForm), {
  ssr: false,
  loading: EditorSkeleton,
});

/** Side panel on wide screens, bottom sheet on phones; focus-trapped and dismissable by Esc (Radix Dialog). */
export function TaskEditor({ taskId, onClose, timeZone }: { taskId: string | null; onClose: () => void; timeZone: string }) {
  const trpc = useTRPC();
  const actions = useTaskActions();
  // Edit the freshest copy, not the possibly stale list row.
  const fresh = useQuery({ ...trpc.task.get.queryOptions({ id: taskId ?? "" }), enabled: taskId !== null, staleTime: 0 });
  const current = fresh.data && fresh.data.id === taskId ? fresh.data : null;
  return (
    <Dialog.Root open={taskId !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col rounded-t-2xl bg-white shadow-2xl [animation:sheet-up_.2s_ease-out] md:inset-y-0 md:right-0 md:left-auto md:max-h-none md:w-[32rem] md:rounded-none md:[animation:panel-in_.2s_ease-out] dark:bg-zinc-900"
        >
          <div className="mx-auto mt-2 h-1 w-10 rounded-full bg-zinc-300 md:hidden dark:bg-zinc-700" aria-hidden />
          <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <Dialog.Title className="truncate text-base font-semibold">Edit task</Dialog.Title>
            <Dialog.Close aria-label="Close editor" className="grid size-8 pointer-coarse:size-11 place-items-center rounded hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Change any field and press Save.</Dialog.Description>
          {current ? (
            <EditorForm
              key={current.id}
              task={current}
              timeZone={timeZone}
              onClose={onClose}
              onDelete={() => {
                actions.remove(current);
                onClose();
              }}
            />
          ) : fresh.isError ? (
            <p role="alert" className="p-4 text-sm text-red-700">
              Could not load the task: {fresh.error.message}
            </p>
          ) : (
            <EditorSkeleton />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
