import { ADJECTIVES, CONTEXTS, NOUNS, TAG_NAMES, VERBS } from "../api/words";

/** One generated task, in neutral terms both servers can store: priority 1 (low) … 4 (urgent), tags by index. */
export interface TaskSpec {
  title: string;
  priority: 1 | 2 | 3 | 4;
  dueAt: Date | null;
  done: boolean;
  tagIndexes: number[];
}

export interface PeerData {
  tagNames: string[];
  tasks: TaskSpec[];
  /** Words the sequential search call rotates through (each matches a few percent of titles). */
  searchWords: string[];
}

/** mulberry32: a small seeded PRNG, so every run (and both servers) gets exactly the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/**
 * `count` tasks for one user and 20 tags: 80% open; 70% with a due date spread from 30 days ago to 60 days
 * ahead (whole minutes, so both servers store it exactly); 0–2 tags each; titles from the bench word lists.
 */
export function generateData(count: number, now = new Date(), seed = 14): PeerData {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const base = Math.floor(now.getTime() / 60_000) * 60_000;
  const tasks: TaskSpec[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [pick(VERBS)];
    if (rnd() < 0.5) parts.push(pick(ADJECTIVES));
    parts.push(pick(NOUNS));
    if (rnd() < 0.4) parts.push(pick(CONTEXTS));
    const tagCount = rnd() < 0.4 ? 0 : rnd() < 0.6 ? 1 : 2;
    const tagIndexes = [...new Set(Array.from({ length: tagCount }, () => Math.floor(rnd() * TAG_NAMES.length)))];
    tasks.push({
      title: parts.join(" "),
      priority: (1 + Math.floor(rnd() * 4)) as TaskSpec["priority"],
      dueAt: rnd() < 0.7 ? new Date(base + Math.floor((rnd() * 90 - 30) * DAY / 60_000) * 60_000) : null,
      done: rnd() < 0.2,
      tagIndexes,
    });
  }
  return { tagNames: [...TAG_NAMES], tasks, searchWords: ["budget", "invoice", "passport", "flights", "insurance", "taxes", "contract", "website"] };
}
