import { describe, expect, it } from "vitest";
import { namesTask } from "@/server/chat/resolve";

// Which task a phrase names: every word of it in the title, allowing the slips people type.
describe("a task named with a typo", () => {
  it("still names the task with one letter dropped, doubled or struck wrong in a long word", () => {
    expect(namesTask("the pasport task", "Renew passport")).toBe(true);
    expect(namesTask("dentist apointment", "Dentist appointment")).toBe(true);
  });

  it("does not stretch short words or words two letters apart", () => {
    expect(namesTask("tent", "Pay rent")).toBe(false);
    expect(namesTask("planter", "Call the plumber")).toBe(false);
  });
});
