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

export function describeActivity(item: ActivityLike, withEntity = false): string {
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
