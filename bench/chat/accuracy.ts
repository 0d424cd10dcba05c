// Measures the interpreter against the utterance corpus; `npm run chat:accuracy` prints the result as JSON.
import { isDeepStrictEqual } from "node:util";
import { CORPUS, CORPUS_NOW, CORPUS_ZONE, type CorpusEntry } from "../../tests/unit/chat-corpus";
import { interpret, type Interpretation } from "@/server/chat/interpreter";

export interface AccuracyReport {
  total: number;
  exact: number;
  accuracy: number;
  failures: { utterance: string; expected: CorpusEntry["expected"]; actual: Interpretation }[];
}

function matches(entry: CorpusEntry, actual: Interpretation): boolean {
  if (actual.kind !== entry.expected.kind) return false;
  if (actual.kind === "calls" || actual.kind === "confirm") return isDeepStrictEqual(actual.calls, entry.expected.calls);
  return true;
}

export function measureAccuracy(corpus: CorpusEntry[] = CORPUS): AccuracyReport {
  const failures: AccuracyReport["failures"] = [];
  for (const entry of corpus) {
    const actual = interpret(entry.utterance, { now: CORPUS_NOW, timeZone: entry.timeZone ?? CORPUS_ZONE });
    if (!matches(entry, actual)) failures.push({ utterance: entry.utterance, expected: entry.expected, actual });
  }
  const exact = corpus.length - failures.length;
  return { total: corpus.length, exact, accuracy: corpus.length ? exact / corpus.length : 0, failures };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(JSON.stringify(measureAccuracy(), null, 2));
}
