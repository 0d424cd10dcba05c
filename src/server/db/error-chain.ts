/** An error and the causes it wraps (drizzle wraps the driver's error), nearest first, at most five deep. */
export function* errorChain(error: unknown): Generator<{ code?: unknown; constraint?: unknown; constraint_name?: unknown }> {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    yield e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
}
