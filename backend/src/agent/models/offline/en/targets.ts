/** The object of an English command: "task 3", "tasks 2 and 4", "it", "the second one", "the meeting task". */
import type { Action, Intent, Target } from '../intent';
import { NUM, TASK_NOUN } from './vocabulary';
import { ORDINAL_PATTERN, parseNumber, parseOrdinal, stripQuotes } from './text-normalize';

/** Parses the object of a command: "task 3", "tasks 2 and 4", "it", "the second one", "the meeting task". */
export function parseTarget(raw: string): Target | undefined {
  let s = stripQuotes(
    raw
      .trim()
      .replace(/[?.!,;:]+$/, '')
      .trim(),
  );
  const lower = s.toLowerCase();
  if (lower === '') return { by: 'unspecified' };
  if (
    /^(?:it|that|this|that one|this one|that task|this task|the same one|same one|the one i just (?:added|created|made)|the new one|the latest one|the latest|the one you just (?:added|created)|the task i just (?:added|created)|that item|this item)$/.test(
      lower,
    )
  ) {
    return { by: 'focus' };
  }
  if (
    /^(?:them|those|these|both|all of them|them all|both of them|all those|all these|those ones|these ones|all three|all of those|all of these|each of them|those tasks|these tasks|those two|these two|the two of them)$/.test(
      lower,
    )
  ) {
    return { by: 'them' };
  }
  if (
    /^(?:all|everything|every task|every single task|all (?:of )?(?:my|the) (?:tasks|todos|items)|all tasks)$/.test(
      lower,
    )
  ) {
    return { by: 'everything' };
  }
  const every = /^(?:both(?: of)?(?: the)?|all(?: of)?(?: the| my)?|every)\s+(.+?)$/i.exec(s);
  if (every && !/^(?:tasks|todos|items|ones|of them|them)$/i.test(every[1])) {
    const inner = parseTarget(every[1]);
    if (inner?.by === 'words') return { ...inner, all: true };
  }
  const ordinal = new RegExp(
    `^(?:the\\s+)?(${ORDINAL_PATTERN})(?:\\s+(?:one|task|item|todo|entry))?(?:\\s+(?:on|in|from|of)\\s+(?:the|my|that|this)\\s+list)?$`,
  ).exec(lower);
  if (ordinal) {
    const n = parseOrdinal(ordinal[1]);
    if (n !== undefined) return { by: 'ordinal', n };
  }
  const idList = new RegExp(
    `^(?:(?:the\\s+)?(?:${TASK_NOUN}s?|numbers?|nos?\\.?|nr\\.?)\\s*)?(?:#\\s*)?(${NUM}(?:\\s*(?:,|and|&|\\+|or)\\s*(?:and\\s+)?(?:${TASK_NOUN}\\s*)?#?\\s*${NUM})*)$`,
  ).exec(lower);
  if (idList) {
    const ids: number[] = [];
    for (const part of idList[1].split(/\s*(?:,|and|&|\+|or)\s*/)) {
      const n = parseNumber(part.replace(new RegExp(`^(?:and\\s+)?(?:${TASK_NOUN}\\s*)?#?\\s*`), ''));
      if (n !== undefined && !ids.includes(n)) ids.push(n);
    }
    if (ids.length > 0) return { by: 'ids', ids };
  }
  s = s
    .replace(/^(?:the|my|a|an|our|that|this)\s+/i, '')
    .replace(
      new RegExp(
        `^(?:${TASK_NOUN}|one)\\s+(?:called|named|titled|about|for|with|that says|saying|to)\\s+`,
        'i',
      ),
      '',
    )
    .replace(/\s+(?:from|on|off|in)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list)$/i, '')
    .replace(new RegExp(`\\s+(?:${TASK_NOUN}|one|thing)s?$`, 'i'), '')
    .trim();
  s = stripQuotes(s);
  if (s === '' || /^(?:task|todo|item|one|thing)s?$/i.test(s)) return { by: 'unspecified' };
  return { by: 'words', query: s };
}

export function act(action: Action, targetText: string | undefined): Intent | undefined {
  const target = targetText === undefined ? { by: 'unspecified' as const } : parseTarget(targetText);
  return target ? { kind: 'act', action, target } : undefined;
}

/** "milk and rent", "the laundry or the trash", "milk, rent and the dentist": the names in a list of tasks. */
export function splitNames(words: string): string[] {
  return words
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+/i)
    .map((p) => p.replace(/^(?:the|my)\s+/i, '').trim())
    .filter(Boolean);
}

const PARTS_OF_DAY: Readonly<Record<string, [number, number]>> = {
  morning: [0, 12],
  afternoon: [12, 17],
  evening: [17, 24],
  tonight: [17, 24],
};

/**
 * "my morning meetings": the hours of the part of the day named (from, to), and the words without it ('' when only
 * "tasks" or "things" is left).
 */
export function partOfDayIn(words: string): { from: number; to: number; rest: string } | undefined {
  const m = /\b(morning|afternoon|evening|tonight)s?\b/i.exec(words);
  if (!m) return undefined;
  const [from, to] = PARTS_OF_DAY[m[1].toLowerCase()];
  const rest = (words.slice(0, m.index) + words.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
  return { from, to, rest: /^(?:tasks?|things?|ones?|items?)?$/i.test(rest) ? '' : rest };
}

/** "meetings", "bills": the words name several tasks. */
export function isPluralName(words: string): boolean {
  const last = words.trim().split(/\s+/).pop() ?? '';
  return /^[a-z]{3,}s$/i.test(last) && !/(?:ss|us|is)$/i.test(last);
}
