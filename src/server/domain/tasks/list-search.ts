import { sql, type SQL } from "drizzle-orm";
import { tasks } from "@/server/db/schema";

/**
 * Full-text search for the task list: websearch syntax ("phrase", OR, -word), the last bare word as a
 * prefix for search-as-you-type, trigram matching on titles for typos, and HTML-safe highlights.
 * User text only ever reaches SQL as bound parameters; websearch_to_tsquery never raises on bad syntax.
 */

/** Fewer full-text matches than this and a plain search also accepts titles that look alike (typos). */
export const FUZZY_THRESHOLD = 3;

const BARE_WORD = /^[\p{L}\p{N}]+$/u;

export interface SearchTerms {
  text: string;
  /** The text without the last word (and without an OR right before it). */
  rest: string;
  /** The last word, lower-cased, when it is a bare word that may still be being typed. */
  prefix: string | null;
  /** Whether the last word was joined to the rest by OR. */
  prefixJoinedByOr: boolean;
}

/**
 * Quotes, -exclusions and OR ask for precision that look-alike titles would ignore; and trigram matching of
 * long searches is costly (every title sharing a trigram is rechecked) while rarely what a typo needs.
 */
export function allowsFuzzy(text: string): boolean {
  return !/["]|(^|\s)-|(^|\s)or(\s|$)/i.test(text) && text.split(/\s+/).filter(Boolean).length <= 2;
}

export function splitSearch(text: string): SearchTerms {
  const tokens = text.split(/\s+/).filter(Boolean);
  const last = tokens.at(-1);
  const quotes = (text.match(/"/g) ?? []).length;
  // Inside an open quote the word belongs to a phrase; a trailing OR/-word is an operator, not a prefix.
  const lastIsOperator = last !== undefined && last.toLowerCase() === "or" && tokens.length > 1;
  if (!last || quotes % 2 === 1 || !BARE_WORD.test(last) || lastIsOperator) {
    return { text, rest: text, prefix: null, prefixJoinedByOr: false };
  }
  const before = tokens.slice(0, -1);
  const prefixJoinedByOr = before.at(-1)?.toLowerCase() === "or";
  const rest = (prefixJoinedByOr ? before.slice(0, -1) : before).join(" ");
  return { text, rest, prefix: last.toLowerCase(), prefixJoinedByOr };
}

/** The tsquery: the whole text as websearch, or the rest combined with the last word as a prefix. */
export function searchQuery(terms: SearchTerms): SQL {
  const full = sql`websearch_to_tsquery('english', ${terms.text})`;
  if (!terms.prefix) return full;
  // The prefix holds only letters and digits (BARE_WORD), so quoting it cannot break to_tsquery's syntax.
  const prefix = sql`to_tsquery('simple', ${`'${terms.prefix}':*`})`;
  const rest = sql`websearch_to_tsquery('english', ${terms.rest})`;
  return terms.prefixJoinedByOr ? sql`(${full} || ${rest} || ${prefix})` : sql`(${full} || (${rest} && ${prefix}))`;
}

export function searchMatch(query: SQL, text: string, fuzzy: boolean): SQL {
  const fts = sql`${tasks.search} @@ ${query}`;
  if (!fuzzy) return fts;
  // Both trigram operators are served by tasks_title_trgm_idx: `%` compares the whole title (pg_trgm's
  // default threshold 0.3), `<<%` a whole word of it (0.5), which catches a misspelt word in a long title.
  return sql`(${fts} OR ${tasks.title} % ${text} OR ${text} <<% ${tasks.title})`;
}

/** Title matches (weight A) outrank description matches (B); in fuzzy mode real matches come before look-alikes. */
export function searchRank(query: SQL, text: string, fuzzy: boolean): SQL {
  const rank = sql`ts_rank(${tasks.search}, ${query})`;
  if (!fuzzy) return sql`(${rank})::float8`;
  return sql`(CASE WHEN ${tasks.search} @@ ${query} THEN 1 + ${rank} ELSE greatest(similarity(${tasks.title}, ${text}), strict_word_similarity(${text}, ${tasks.title})) END)::float8`;
}

const START = "\u0001";
const STOP = "\u0002";
const TITLE_OPTIONS = `HighlightAll=true, StartSel=${START}, StopSel=${STOP}`;
const SNIPPET_OPTIONS = `MaxFragments=2, MaxWords=18, MinWords=6, StartSel=${START}, StopSel=${STOP}`;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes everything, then turns only our own control-character markers into <mark> tags. */
export function markedToHtml(marked: string): string {
  return marked.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c).replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

export interface Highlight {
  titleHighlight: string;
  snippet?: string;
}

/**
 * Headline columns for one page of tasks only (ts_headline is too costly to run over the whole match
 * set); the caller selects them in the same query that loads the page's views.
 * The marker characters are stripped from the stored text first, so user text can never forge a <mark>.
 */
export function highlightColumns(query: SQL): { titleMarked: SQL<string>; snippetMarked: SQL<string | null> } {
  const clean = (column: SQL | typeof tasks.title) => sql`translate(${column}, ${START + STOP}, '')`;
  return {
    titleMarked: sql<string>`ts_headline('english', ${clean(tasks.title)}, ${query}, ${TITLE_OPTIONS})`,
    snippetMarked: sql<string | null>`CASE WHEN ${tasks.description} = '' THEN NULL
        ELSE ts_headline('english', ${clean(sql`${tasks.description}`)}, ${query}, ${SNIPPET_OPTIONS}) END`,
  };
}

export function toHighlight(titleMarked: unknown, snippetMarked: unknown): Highlight {
  return {
    titleHighlight: markedToHtml(String(titleMarked ?? "")),
    ...(typeof snippetMarked === "string" && snippetMarked ? { snippet: markedToHtml(snippetMarked) } : {}),
  };
}
