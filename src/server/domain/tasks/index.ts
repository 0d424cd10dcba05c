export * from "./schemas";
export type { TaskView, TagRef, CategoryRef, ReminderView } from "./view";
export { createTask, updateTask, loadTaskOrThrow } from "./mutations";
export { completeTask, uncompleteTask, deleteTask, restoreTask, getTask } from "./lifecycle";
export { bulkUpdateTasks } from "./bulk";
export { listTasks } from "./list";
export { previewRecurrence } from "./preview";
