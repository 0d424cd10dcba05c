import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where every benchmark writes its JSON: `bench/results/`, next to this folder. */
export const RESULTS_DIR = path.resolve(import.meta.dirname, "..", "results");

/** A filesystem-safe UTC timestamp, e.g. 2026-11-23T12-01-20Z. */
export function fileTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
}

/**
 * Writes `<name>-<timestamp>.json` and overwrites `<name>-latest.json` with the same content.
 * Returns both paths so callers can print them.
 */
export function writeResult(name: string, data: unknown, dir = RESULTS_DIR): { file: string; latest: string } {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const file = path.join(dir, `${name}-${fileTimestamp()}.json`);
  const latest = path.join(dir, `${name}-latest.json`);
  writeFileSync(file, json);
  writeFileSync(latest, json);
  return { file, latest };
}
