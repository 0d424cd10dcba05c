import { CheckCircle2, Search } from "lucide-react";
import type { ViewName } from "@/lib/ui/view-state";

const TEXT: Record<ViewName, [string, string]> = {
  inbox: ["Nothing to do", "Add a task above — try “Call mum tomorrow 6pm !high”."],
  today: ["Nothing due today", "Enjoy the quiet, or plan something with quick add."],
  upcoming: ["Nothing in the next 7 days", "Tasks with a due date this week show up here, grouped by day."],
  overdue: ["Nothing overdue", "You are on top of things."],
  completed: ["No completed tasks yet", "Tick a task off and it lands here."],
};

export function EmptyState({ view, searching }: { view: ViewName; searching: boolean }) {
  const [title, hint] = searching ? ["No matching tasks", "Try fewer words or clear a filter."] : TEXT[view];
  const Icon = searching ? Search : CheckCircle2;
  return (
    <div className="flex flex-col items-center px-6 py-16 text-center">
      <Icon className="size-10 text-zinc-300 dark:text-zinc-700" aria-hidden />
      <p className="mt-3 font-medium">{title}</p>
      <p className="mt-1 max-w-xs text-sm text-zinc-600 dark:text-zinc-400">{hint}</p>
    </div>
  );
}
