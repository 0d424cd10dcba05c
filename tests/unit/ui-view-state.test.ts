import { describe, expect, it } from "vitest";
import { parseViewState, serializeViewState, toListInput } from "@/lib/ui/view-state";

describe("view state in the URL", () => {
  it("round-trips every filter through the search params", () => {
    const query = "?view=upcoming&q=rent&p=high,urgent&c=c1&t=t1,t2&tm=all&due=range&from=2026-12-01&to=2026-12-31&rem=1&rec=0&sort=priority.desc";
    const state = parseViewState(new URLSearchParams(query));
    expect(state).toMatchObject({ view: "upcoming", q: "rent", priorities: ["high", "urgent"], tagMode: "all", hasReminder: true, recurring: false });
    expect(serializeViewState(state)).toBe(query);
  });
  it("ignores values it does not know instead of failing", () => {
    const state = parseViewState(new URLSearchParams("?view=nope&p=huge,low&sort=colour.up"));
    expect(state.view).toBe("inbox");
    expect(state.priorities).toEqual(["low"]);
    expect(state.sort).toBeUndefined();
  });
  it("turns sidebar views into list filters the user can refine", () => {
    expect(toListInput(parseViewState(new URLSearchParams("?view=overdue")))).toMatchObject({ status: "open", due: "overdue" });
    expect(toListInput(parseViewState(new URLSearchParams("?view=completed")))).toMatchObject({ status: "done" });
    expect(toListInput(parseViewState(new URLSearchParams("?view=today&sort=title.asc")))).toMatchObject({ due: "today", sort: { by: "title", dir: "asc" } });
  });
});
