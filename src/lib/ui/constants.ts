import type { Priority, SORT_FIELDS as ServerSortFields } from "@/server/domain/tasks/schemas";

/**
 * Client copies of the server's enums. Importing the server schema module would pull zod into the
 * first-load bundle; the type assertions below fail to compile if the two ever drift apart.
 */
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const satisfies readonly Priority[];
export const SORT_FIELDS = ["relevance", "due", "priority", "created", "updated", "title"] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const prioritiesMatch: Same<(typeof PRIORITIES)[number], Priority> = true;
const sortMatch: Same<(typeof SORT_FIELDS)[number], (typeof ServerSortFields)[number]> = true;
void prioritiesMatch;
void sortMatch;
