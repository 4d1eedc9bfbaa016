/**
 * The plain task fields beyond title and description: priority and tags, normalised the same way for REST, MCP
 * and chat. (Due dates and repeats are in schedule/.)
 */
import { InvalidTaskError } from './tasks.errors';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TAGS_MAX = 10;
export const TAG_MAX = 30;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** Stored rank: ascending order is high → medium → low; none is NULL (sorted last as 4). */
export function priorityRank(priority: Priority | null): number | null {
  return priority === null ? null : PRIORITIES.indexOf(priority) + 1;
}

export function priorityOf(rank: number | null): Priority | null {
  return rank === null ? null : (PRIORITIES[rank - 1] ?? null);
}

/** "#Work", " side project " → "work", "side-project"; refuses what cannot be a short label. */
export function cleanTag(tag: unknown): string {
  if (typeof tag !== 'string') throw new InvalidTaskError('each tag must be a string');
  const t = tag.trim().replace(/^#+/, '').replace(/\s+/g, '-').toLowerCase();
  if (!t || t.length > TAG_MAX || !TAG.test(t))
    throw new InvalidTaskError(
      `"${tag.slice(0, 40)}" is not a tag: use letters, numbers, "-", "_" or "." (1-${TAG_MAX} characters)`,
    );
  return t;
}

/** Lower-cased, deduplicated, in the order given; at most TAGS_MAX. */
export function cleanTags(tags: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const tag of tags.map(cleanTag)) if (!out.includes(tag)) out.push(tag);
  if (out.length > TAGS_MAX)
    throw new InvalidTaskError(`a task can have at most ${TAGS_MAX} tags (got ${out.length})`);
  return out;
}

/** `current` with `add` appended and `remove` taken out (cleaned, deduplicated, at most TAGS_MAX). */
export function editTags(
  current: readonly string[],
  add: readonly unknown[],
  remove: readonly unknown[],
): string[] {
  const removed = new Set(remove.map(cleanTag));
  return cleanTags([...current, ...add]).filter((t) => !removed.has(t));
}
