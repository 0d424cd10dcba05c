import pino, { type Logger } from "pino";

/** Structured JSON logs; one logger per process, children per component. */
export function createLogger(level: string, name = "cadence"): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
