/** One activity row in words: "Completed", "Changed title, priority", "Created category “Work”". */
export interface ActivityLike {
  entityType: string;
  action: string;
  oldValues: unknown;
  newValues: unknown;
}

const VERBS: Record<string, string> = {
  created: "Created",
  updated: "Changed",
  completed: "Completed",
  uncompleted: "Reopened",
  deleted: "Deleted",
  restored: "Restored",
};

const FIELD_WORDS: Record<string, string> = {
  dueAt: "due date",
  allDay: "all-day",
  categoryId: "category",
  tagIds: "tags",
  recurrenceRule: "repeat",
  recurrenceBasis: "repeat basis",
};

function fields(values: unknown): string[] {
  return values && typeof values === "object" ? Object.keys(values as Record<string, unknown>) : [];
}

const BULK_VERBS: Record<string, string> = {
  complete: "Completed",
  uncomplete: "Reopened",
  delete: "Deleted",
  restore: "Restored",
  setPriority: "Set the priority of",
  addTag: "Tagged",
  removeTag: "Untagged",
  setCategory: "Set the category of",
};

export function describeActivity(item: ActivityLike, withEntity = false): string {
  const values0 = (item.newValues ?? {}) as Record<string, unknown>;
  if (item.action === "bulk") {
    const count = typeof values0.count === "number" ? values0.count : 0;
    return `${BULK_VERBS[String(values0.action)] ?? "Changed"} ${count} ${count === 1 ? "task" : "tasks"}`;
  }
  if (item.action === "reverted") {
    const undone = values0.undone as ActivityLike | null | undefined;
    const count = typeof values0.count === "number" ? values0.count : 1;
    return undone ? `Undid: ${describeActivity(undone, withEntity)}` : `Undid ${count} changes`;
  }
  if (item.action === "snoozed") {
    const title = typeof values0.title === "string" ? values0.title : null;
    return `Snoozed the reminder${withEntity && title ? ` of “${title}”` : ""}`;
  }
  const verb = VERBS[item.action] ?? item.action.replace(/[._]/g, " ");
  const values = (item.newValues ?? item.oldValues) as Record<string, unknown> | null;
  const name = typeof values?.title === "string" ? values.title : typeof values?.name === "string" ? values.name : null;
  const what = withEntity ? ` ${item.entityType}${name ? ` “${name}”` : ""}` : "";
  if (item.action === "updated") {
    const changed = fields(item.newValues).map((f) => FIELD_WORDS[f] ?? f);
    return `${verb}${what}${changed.length ? `: ${changed.join(", ")}` : ""}`;
  }
  return `${verb}${what}`;
}
