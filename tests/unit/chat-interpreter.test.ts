import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { DESTRUCTIVE_TOOLS, interpret, type Interpretation, type Pending } from "@/server/chat/interpreter";
import { CORPUS, CORPUS_NOW, CORPUS_ZONE, type CorpusEntry } from "./chat-corpus";

const ctx = { now: CORPUS_NOW, timeZone: CORPUS_ZONE };

// The effect corpus (bench/chat/effect-corpus.ts, `npm run chat:accuracy`) checks what the assistant does to
// the data; this one pins the tool calls the interpreter plans for its original phrasings.
function matches(entry: CorpusEntry, actual: Interpretation): boolean {
  if (actual.kind !== entry.expected.kind) return false;
  if (actual.kind === "calls" || actual.kind === "confirm") return isDeepStrictEqual(actual.calls, entry.expected.calls);
  return true;
}

function measureAccuracy() {
  const failures = CORPUS.flatMap((entry) => {
    const actual = interpret(entry.utterance, { now: CORPUS_NOW, timeZone: entry.timeZone ?? CORPUS_ZONE });
    return matches(entry, actual) ? [] : [{ utterance: entry.utterance, actual }];
  });
  return { failures, accuracy: (CORPUS.length - failures.length) / CORPUS.length };
}

describe("chat interpreter corpus", () => {
  it("holds at least 80 varied phrasings", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CORPUS.map((e) => e.utterance)).size).toBe(CORPUS.length);
  });

  it("interprets at least 95% of the corpus exactly", () => {
    const report = measureAccuracy();
    expect(report.failures.map((f) => f.utterance)).toEqual([]);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe("destructive actions", () => {
  const destructive = [
    "delete the dentist task",
    "delete all completed tasks in Shopping",
    "remove the Shopping category",
    "delete tag #old",
    "clear completed tasks",
    "get rid of the report",
  ];

  it("never emits a destructive tool without a confirmation turn", () => {
    for (const entry of [...CORPUS.map((e) => e.utterance), ...destructive]) {
      const result = interpret(entry, ctx);
      if (result.kind === "calls") expect(result.calls.filter((c) => DESTRUCTIVE_TOOLS.has(c.tool)), entry).toEqual([]);
    }
    for (const utterance of destructive) expect(interpret(utterance, ctx).kind, utterance).toBe("confirm");
  });

  it("runs the confirmed calls on yes and nothing on no", () => {
    const pending: Pending = { type: "confirm", prompt: "Delete?", calls: [{ tool: "delete_task", args: { task_id: "t1" } }] };
    expect(interpret("yes", { ...ctx, pending })).toEqual({ kind: "calls", calls: pending.calls });
    expect(interpret("Yep.", { ...ctx, pending })).toEqual({ kind: "calls", calls: pending.calls });
    expect(interpret("no", { ...ctx, pending }).kind).toBe("reply");
    expect(interpret("cancel", { ...ctx, pending }).kind).toBe("reply");
  });

  it("does not treat yes without a pending question as consent", () => {
    expect(interpret("yes", ctx).kind).toBe("reply");
  });
});

describe("choosing among several matching tasks", () => {
  const options = [
    { id: "a", title: "Write report draft" },
    { id: "b", title: "Send report to Anna" },
    { id: "c", title: "Print report" },
  ];
  const pending = (destructive: boolean): Pending => ({
    type: "choose",
    question: "Which one?",
    options,
    destructive,
    call: { tool: destructive ? "delete_task" : "complete_task", args: {} },
  });

  it.each([
    ["the second one", "b"],
    ["2", "b"],
    ["#3", "c"],
    ["last one", "c"],
    ["the Anna one", "b"],
    ["print", "c"],
  ])("%s picks %s", (answer, id) => {
    const result = interpret(answer, { ...ctx, pending: pending(false) });
    expect(result).toMatchObject({ kind: "calls", calls: [{ tool: "complete_task", args: { task_id: id } }] });
  });

  it("asks again for a number out of range, and confirms a destructive choice first", () => {
    expect(interpret("7", { ...ctx, pending: pending(false) }).kind).toBe("clarify");
    expect(interpret("the first one", { ...ctx, pending: pending(true) })).toMatchObject({
      kind: "confirm",
      calls: [{ tool: "delete_task", args: { task_id: "a" }, about: "Write report draft" }],
    });
  });

  it("treats an unrelated sentence as a new request", () => {
    expect(interpret("what's overdue?", { ...ctx, pending: pending(false) })).toEqual({
      kind: "calls",
      calls: [{ tool: "get_overdue_tasks", args: {} }],
    });
  });
});

describe("the change just made, made again to another task", () => {
  const lastChange = { tool: "complete_task" as const, args: { task_id: "passport-id" } };

  it.each(["and the groceries too", "the groceries as well", "same for the groceries", "ditto for the groceries"])("%s completes the groceries", (said) => {
    expect(interpret(said, { ...ctx, lastChange })).toEqual({ kind: "calls", calls: [{ tool: "complete_task", args: {}, refs: { task_id: "groceries" } }] });
  });

  it("repeats a new due date, but not a new title, and never without a change to repeat", () => {
    const moved = { tool: "update_task" as const, args: { task_id: "mom-id", due_date: "saturday" } };
    expect(interpret("the flights too", { ...ctx, lastChange: moved })).toEqual({
      kind: "calls",
      calls: [{ tool: "update_task", args: { due_date: "saturday" }, refs: { task_id: "flights" } }],
    });
    const renamed = { tool: "update_task" as const, args: { task_id: "mom-id", title: "call dad" } };
    expect(interpret("the flights too", { ...ctx, lastChange: renamed })).not.toMatchObject({ calls: [{ tool: "update_task", refs: { task_id: "flights" } }] });
    expect(interpret("the flights too", ctx)).not.toMatchObject({ calls: [{ tool: "complete_task" }] });
  });
});

describe("a person said by a pronoun", () => {
  const focus = { id: "vet-id", title: "Pick up Rex from the vet" };

  it("is the task in focus", () => {
    expect(interpret("already picked him up", { ...ctx, focus })).toMatchObject({ kind: "calls", calls: [{ tool: "complete_task", args: { task_id: "vet-id" } }] });
  });

  it("is the one the clause before names", () => {
    expect(interpret("rex is home, picked him up", ctx)).toMatchObject({ kind: "calls", calls: [{ tool: "complete_task", refs: { task_id: "rex" } }] });
    expect(interpret("spoke to mom earlier, cross her off", ctx)).toMatchObject({ kind: "calls", calls: [{ tool: "complete_task", refs: { task_id: "mom" } }] });
  });
});
