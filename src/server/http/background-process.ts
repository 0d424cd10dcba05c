import { startBackground } from "@/server/background";
import { getRuntime } from "@/server/runtime";
import { withTimeout } from "./graceful";
import { STOP_MESSAGE } from "./processes";

const SHUTDOWN_FLUSH_MS = 8_000;

/** The background process of a multi-process app: outbox relay, workers and reminder scheduler; no HTTP. */
export async function runBackgroundProcess() {
  const runtime = await getRuntime();
  const background = await startBackground(runtime, "background");
  runtime.log.info("background process ready: relay and workers");
  // Stops when the primary says so, after the web processes have drained (their last writes are then in the
  // outbox to flush), or when the primary is gone. Signals to the whole group are left to that order.
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    void shutdown(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        runtime.log.error({ err: error }, "background process failed to stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => undefined);
  process.on("SIGINT", () => undefined);
  process.on("message", (message) => message === STOP_MESSAGE && stop("primary"));
  process.on("disconnect", () => stop("primary gone"));

  async function shutdown(signal: string) {
    const flushed = background.backbone ? await withTimeout(background.backbone.relay.flush(), SHUTDOWN_FLUSH_MS) : true;
    if (!flushed) runtime.log.warn("outbox not fully flushed; the next instance publishes the rest");
    await background.stop();
    await runtime.db.close();
    runtime.log.info({ signal }, "background process stopped cleanly");
  }
}
