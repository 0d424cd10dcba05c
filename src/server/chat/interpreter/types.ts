/** What the deterministic interpreter produces: tool calls to make, or something to say. */
import { TOOLS, type ToolName } from "@/server/tools/registry";

/** Tool names come from the registry; the interpreter only names them. */
export type ChatToolName = ToolName;

/** Tools that lose data (the registry marks them): never emitted without a "yes" to a confirmation question. */
export const DESTRUCTIVE_TOOLS: ReadonlySet<ChatToolName> = new Set(TOOLS.filter((tool) => "destructive" in tool && tool.destructive).map((tool) => tool.name));

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ToolArgs = Record<string, JsonValue>;

/**
 * Names the user said, keyed by the tool argument they fill; the engine turns them into ids at
 * execution time (task phrases through search_tasks, labels through list_tags/list_categories).
 */
export interface CallRefs {
  /** Words naming one task ("report" from "the report task"). */
  task_id?: string;
  category_id?: string;
  tag_id?: string;
  tag_ids?: string[];
}

export interface PlannedCall {
  tool: ChatToolName;
  args: ToolArgs;
  refs?: CallRefs;
  /** Bulk: repeat the call for every task the list_tasks query finds ("all completed tasks in Shopping"). */
  forEach?: {
    args: ToolArgs;
    refs?: Pick<CallRefs, "category_id" | "tag_ids">;
    /** The tasks the conversation just listed ("move them all to monday"): these, instead of a list_tasks query. */
    tasks?: TaskChoice[];
  };
  /** Filled by the engine once names are resolved: what the call acts on, for confirmation prompts. */
  about?: string;
}

export interface TaskChoice {
  id: string;
  title: string;
}

/** Conversation state between turns (stored in chat_conversations.pending). */
export type Pending =
  | { type: "confirm"; prompt: string; calls: PlannedCall[] }
  | { type: "choose"; question: string; options: TaskChoice[]; call: PlannedCall; destructive: boolean };

/**
 * Other readings of the same words, tried in order when the first does not fit the user's data
 * ("rename book flights to lisbon to book flights to porto" splits at more than one "to").
 */
export type Alternatives = PlannedCall[][];

export type Interpretation =
  | { kind: "calls"; calls: PlannedCall[]; alternatives?: Alternatives }
  /** A destructive plan: the engine resolves names, then asks yes/no before running it. */
  | { kind: "confirm"; calls: PlannedCall[]; alternatives?: Alternatives }
  | { kind: "clarify"; question: string }
  | { kind: "reply"; text: string };

export interface InterpretContext {
  now: Date;
  timeZone: string;
  pending?: Pending | null;
  /** The task the conversation last talked about: what "it" and "that" mean. */
  focus?: TaskChoice | null;
  /** The tasks the conversation last showed: what "them", "those" and "all of them" mean. */
  listed?: TaskChoice[] | null;
  /** The last change made in this conversation, which a correction that is only the new value replaces. */
  lastChange?: LastChange | null;
  /** The words began as a correction ("no, …", "i meant …", "sorry, …"). */
  correction?: boolean;
  /** The words ask for the last change again on something else ("and the groceries too", "same for rent"). */
  sameAgain?: boolean;
}

/** A change the conversation made: the tool and the arguments it ran with (ids resolved). */
export interface LastChange {
  tool: ChatToolName;
  args: ToolArgs;
}
