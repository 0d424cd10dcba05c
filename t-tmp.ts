import { interpret } from "@/server/chat/interpreter";
const ctx = { now: new Date("2026-03-11T15:00:00Z"), timeZone: "America/New_York", focus: { id: "x", title: "Dry cleaning" } };
for (const t of process.argv.slice(2)) console.log(t, "=>", JSON.stringify(interpret(t, ctx)).slice(0, 300));
