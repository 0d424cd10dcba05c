import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { TaskView } from "@/server/domain/tasks/view";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type TaskListInput = RouterInputs["task"]["list"];
/** A list item: the task plus search highlights (only `<mark>` tags, everything else escaped by the server). */
export type TaskItem = TaskView & { titleHighlight?: string | null; snippet?: string | null };
export type Label = RouterOutputs["tag"]["list"][number];
export type { TaskView };
