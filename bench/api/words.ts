/** Word lists for realistic task titles: shared by the SQL seed and the create/search scenarios. */
export const VERBS = [
  "Review", "Call", "Email", "Prepare", "Schedule", "Update", "Fix", "Plan", "Write", "Draft",
  "Buy", "Book", "Send", "Check", "Organize", "Clean", "Pay", "Renew", "Submit", "Research",
  "Finish", "Follow up on", "Cancel", "Order", "Confirm", "Pick up", "Sort out", "Backup", "Print", "Read",
] as const;

export const ADJECTIVES = [
  "quarterly", "monthly", "weekly", "annual", "urgent", "new", "old", "shared", "personal", "final",
  "draft", "team", "client", "family", "overdue", "updated", "holiday", "spring", "summer", "winter",
] as const;

export const NOUNS = [
  "budget", "report", "invoice", "presentation", "meeting", "dentist", "groceries", "insurance", "passport", "contract",
  "newsletter", "roadmap", "proposal", "taxes", "garden", "car", "laptop", "website", "database", "backlog",
  "slides", "receipts", "tickets", "flights", "hotel", "birthday", "gift", "doctor", "appointment", "subscription",
  "license", "payroll", "vendor", "onboarding", "interview", "feedback", "release", "deployment", "migration", "server",
  "documentation", "spreadsheet", "calendar", "inventory", "warranty", "mortgage", "rent", "utilities", "kitchen", "bathroom",
  "garage", "vacation", "conference", "workshop", "training", "survey", "audit", "forecast", "pipeline", "campaign",
] as const;

export const CONTEXTS = [
  "for Monday", "before Friday", "with Alex", "with the team", "for marketing", "for finance", "at home", "at the office",
  "for the kids", "for mom", "next week", "this weekend", "for Q3", "for the board", "with accounting", "for the launch",
  "downtown", "online", "before the trip", "after lunch",
] as const;

export const DESCRIPTION_WORDS = [
  "remember", "to", "bring", "the", "notes", "and", "check", "numbers", "against", "last",
  "year", "ask", "about", "pricing", "details", "attach", "documents", "call", "back", "tomorrow",
] as const;

export const TAG_NAMES = [
  "work", "home", "errands", "finance", "health", "family", "travel", "shopping", "reading", "admin",
  "calls", "email", "waiting", "someday", "quick", "deep-work", "meetings", "school", "car", "garden",
] as const;

export const CATEGORY_NAMES = ["Work", "Personal", "Home", "Finance", "Health", "Side project", "Learning", "Social"] as const;

/**
 * What people type into the search box: single words, two words, and half-typed words (prefix search).
 * All of them find plenty, so none takes the fuzzy (trigram) path, which is for typos.
 */
export const SEARCH_TERMS = [
  "budget", "invoice", "book dentist", "quarterly report", "passport", "flights", "insurance",
  "team meeting", "taxes", "plan migration", "buy gift", "contract", "website", "payroll", "invo", "renew passp",
] as const;

export function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

export function randomTitle(): string {
  const parts: string[] = [pick(VERBS)];
  if (Math.random() < 0.5) parts.push(pick(ADJECTIVES));
  parts.push(pick(NOUNS));
  if (Math.random() < 0.4) parts.push(pick(CONTEXTS));
  return parts.join(" ");
}

/** A PostgreSQL ARRAY literal of text, for set-based seeding (values here are trusted constants). */
export function sqlArray(list: readonly string[]): string {
  return `ARRAY[${list.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]::text[]`;
}
