/**
 * Finds the task a person means by words ("the meeting task", "the dentist one", "I bought the groceries").
 * Scoring is word overlap on stems with typo and prefix tolerance; the caller decides what to do with
 * zero, one or several matches — this module never picks among equally good candidates.
 */
import { editDistance, stem, words } from './en/text-normalize';

export interface MatchableTask {
  id: number;
  title: string;
  description?: string | null;
  completed?: boolean;
}

export type MatchResult<T extends MatchableTask> =
  { kind: 'none' } | { kind: 'one'; task: T } | { kind: 'many'; tasks: T[] };

/** Words that say nothing about which task is meant. */
const STOPWORDS = new Set(
  (
    'the a an my your our their his her its this that these those task tasks todo todos to-do item items one ones ' +
    'thing things reminder reminders entry list to for of about with on in at and or please it from called named ' +
    "titled is was be been are were i i'm im me we you just already also all some any which what where"
  ).split(' '),
);

/** Stemmed, stopword-free tokens of a phrase. */
export function matchTokens(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w)) continue;
    const s = stem(w);
    if (s.length > 0 && !out.includes(s)) out.push(s);
  }
  return out;
}

function tokenSimilarity(q: string, t: string): number {
  if (q === t) return 1;
  if (/^\d+$/.test(q) || /^\d+$/.test(t)) return 0;
  const shorter = q.length <= t.length ? q : t;
  const longer = q.length <= t.length ? t : q;
  if (shorter.length >= 3 && longer.startsWith(shorter)) return 0.85;
  // Short words get no typo tolerance: "wait" must not match "write".
  const max = shorter.length >= 7 ? 2 : shorter.length >= 5 ? 1 : 0;
  if (max > 0 && editDistance(q, t, max) <= max) return 0.8;
  return 0;
}

/** Fraction of the query's words found in the task (title words count fully, description words 70%). */
export function scoreTask(queryTokens: readonly string[], task: MatchableTask): number {
  if (queryTokens.length === 0) return 0;
  const titleTokens = matchTokens(task.title);
  const descriptionTokens = task.description ? matchTokens(task.description) : [];
  let total = 0;
  for (const q of queryTokens) {
    let best = 0;
    for (const t of titleTokens) best = Math.max(best, tokenSimilarity(q, t));
    for (const t of descriptionTokens) best = Math.max(best, 0.7 * tokenSimilarity(q, t));
    total += best;
  }
  return total / queryTokens.length;
}

const MIN_SCORE = 0.5;
const LOOSE_MIN_SCORE = 0.3;
const TIE_WINDOW = 0.1;

/**
 * The tasks a phrase refers to. An exact title wins outright; otherwise every task scoring within a small
 * window of the best is a candidate, so "meeting" with "Team meeting" and "Meeting notes" is ambiguous.
 */
export function matchTasks<T extends MatchableTask>(
  query: string,
  tasks: readonly T[],
  options: { loose?: boolean } = {},
): MatchResult<T> {
  const queryTokens = matchTokens(query);
  if (queryTokens.length === 0 || tasks.length === 0) return { kind: 'none' };
  const key = queryTokens.slice().sort().join(' ');
  const exact = tasks.filter((t) => matchTokens(t.title).slice().sort().join(' ') === key);
  if (exact.length === 1) return { kind: 'one', task: exact[0] };
  if (exact.length > 1) return { kind: 'many', tasks: exact };
  const scored = tasks.map((task) => ({ task, score: scoreTask(queryTokens, task) }));
  const top = Math.max(...scored.map((s) => s.score));
  // One fuzzy word out of one is weak evidence: demand a close match when the query is a single word.
  // A whole clause ("I won't go to the dentist") carries extra words: one strong word in three is enough.
  const floor = queryTokens.length === 1 ? 0.8 : options.loose ? LOOSE_MIN_SCORE : MIN_SCORE;
  if (top < floor) return { kind: 'none' };
  const best = scored.filter((s) => s.score >= top - TIE_WINDOW).map((s) => s.task);
  return best.length === 1 ? { kind: 'one', task: best[0] } : { kind: 'many', tasks: best };
}

/** Every task the phrase plausibly mentions (for searches), best first, stable by id. */
export function searchTasks<T extends MatchableTask>(query: string, tasks: readonly T[]): T[] {
  const queryTokens = matchTokens(query);
  if (queryTokens.length === 0) return [];
  const floor = queryTokens.length === 1 ? 0.7 : MIN_SCORE;
  return tasks
    .map((task) => ({ task, score: scoreTask(queryTokens, task) }))
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || a.task.id - b.task.id)
    .map((s) => s.task);
}

/** True when the phrase has no identifying words at all ("the task", "that one"). */
export function isEmptyQuery(query: string): boolean {
  return matchTokens(query).length === 0;
}
