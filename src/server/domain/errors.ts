/**
 * Domain errors: adapters (tRPC, MCP tools, chat, workers) map these to their own codes in one place each.
 * A message here is written for the person who sent the request.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Missing, deleted, or another user's: indistinguishable on purpose. */
export class NotFoundError extends DomainError {
  constructor(
    readonly entity: "task" | "category" | "tag" | "reminder" | "notification" | "apiToken" | "conversation" | "webhookEndpoint" | "webhookDelivery" | "activity" | "device",
    readonly id?: string,
  ) {
    super(`${entity} ${id ? `${id} ` : ""}not found`);
  }
}

/** Bad input that passed the schema but breaks a rule (e.g. minutesBefore without a due date). */
export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly example?: string,
  ) {
    super(`${field}: ${reason}${example ? ` (e.g. ${example})` : ""}`);
  }
}

/** A per-user or per-task limit was reached. */
export class LimitError extends DomainError {
  constructor(
    readonly limit: "categoriesPerUser" | "tagsPerUser" | "tagsPerTask" | "devicesPerUser",
    readonly max: number,
  ) {
    const what = { categoriesPerUser: "categories per user", tagsPerUser: "tags per user", tagsPerTask: "tags per task", devicesPerUser: "devices with notifications per user" }[limit];
    super(`Limit reached: at most ${max} ${what}`);
  }
}

/** Duplicate name, or an edit based on a stale version (then `current` holds what is stored now). */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}
