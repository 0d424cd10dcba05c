import type { EntitySnapshot, LabelSnapshot, SnapshotEntity, TaskSnapshot } from "./snapshots";

/**
 * The fields a revert restores and checks for later changes, grouped so that what belongs together moves
 * together (completed with its completion time, the series links with each other). A field that an entry did not
 * change is never touched by its revert, so reverting an old entry keeps every unrelated later edit.
 */
export const TASK_FIELDS = {
  title: ["title"],
  description: ["description"],
  priority: ["priority"],
  dueAt: ["dueAt"],
  allDay: ["allDay"],
  completed: ["completed", "completedAt"],
  categoryId: ["categoryId"],
  tagIds: ["tagIds"],
  recurrenceRule: ["recurrenceRule"],
  recurrenceBasis: ["recurrenceBasis"],
  reminders: ["reminders"],
  deletedAt: ["deletedAt"],
  series: ["seriesId", "previousOccurrenceId", "occurrenceIndex", "occurrenceDate", "seriesValues"],
  skipped: ["recurrenceExdates"],
  moved: ["recurrenceMoves"],
} as const satisfies Record<string, readonly (keyof TaskSnapshot)[]>;

export const LABEL_FIELDS = { name: ["name"], color: ["color"] } as const satisfies Record<string, readonly (keyof LabelSnapshot)[]>;

export type FieldGroup = keyof typeof TASK_FIELDS | keyof typeof LABEL_FIELDS;

const groupsOf = (entity: SnapshotEntity): Record<string, readonly string[]> => (entity === "task" ? TASK_FIELDS : LABEL_FIELDS);

/**
 * A reminder is what the person chose (when, or how long before); its status moves on by itself as time passes
 * and is derived again after a revert, so it is not part of the comparison.
 */
function comparableValue(snapshot: EntitySnapshot, key: string): unknown {
  const value = (snapshot as unknown as Record<string, unknown>)[key];
  if (key === "reminders") {
    return (value as TaskSnapshot["reminders"]).map((r) => ({ id: r.id, minutesBefore: r.minutesBefore, at: r.minutesBefore === null ? r.remindAt : null }));
  }
  return value ?? null;
}

export function groupValue(entity: SnapshotEntity, snapshot: EntitySnapshot, group: string): string {
  return JSON.stringify(groupsOf(entity)[group]!.map((key) => comparableValue(snapshot, key)));
}

export function fieldGroups(entity: SnapshotEntity): string[] {
  return Object.keys(groupsOf(entity));
}

/** The groups whose values differ between two states of one entity. */
export function changedGroups(entity: SnapshotEntity, a: EntitySnapshot, b: EntitySnapshot): string[] {
  return fieldGroups(entity).filter((group) => groupValue(entity, a, group) !== groupValue(entity, b, group));
}

/** `target` with the group's fields taken from `source`. */
export function withGroup<T extends EntitySnapshot>(entity: SnapshotEntity, target: T, source: EntitySnapshot, group: string): T {
  const next = { ...target } as Record<string, unknown>;
  for (const key of groupsOf(entity)[group]!) next[key] = (source as unknown as Record<string, unknown>)[key];
  return next as T;
}

/** A field's value as a person reads it in a conflict message. */
export function displayValue(entity: SnapshotEntity, snapshot: EntitySnapshot, group: string): unknown {
  const keys = groupsOf(entity)[group]!;
  const record = snapshot as unknown as Record<string, unknown>;
  return keys.length === 1 ? record[keys[0]!] : Object.fromEntries(keys.map((key) => [key, record[key]]));
}
