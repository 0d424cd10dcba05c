import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/** A CPU profile of part of a benchmark (node --cpu-prof would include the seeding); open it in Chrome DevTools. */
export async function startProfile(): Promise<{ stop(path: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(path) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
      return path;
    },
  };
}
