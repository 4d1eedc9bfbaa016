/**
 * Priorities, tags, due dates and repeats in what people say: "add pay rent every month on the 1st, high
 * priority", "tag task 4 as work", "move the dentist to Friday 3pm", "what's due this week?".
 *
 * Dates are only *found* here (chrono-node, through schedule/due-dates, against a fixed instant): the words are
 * passed to the tools as the person wrote them and resolved on the server in their time zone, so this model stays
 * free of clocks and time zones.
 */
import { isDueWords, trailingDueWords } from '../../../tasks/schedule/due-dates';
import type { StatusFilter } from './tool-contract';

export type PriorityWord = 'high' | 'medium' | 'low';
export type DueQuery = 'overdue' | 'today' | 'week' | 'none';

/** Fields of a new task. */
export interface TaskFields {
  priority?: PriorityWord;
  tags?: string[];
  due?: string;
  recurrence?: string;
}

/** A change to fields of existing tasks; 'none' clears one. */
export interface FieldChange {
  priority?: PriorityWord | 'none';
  addTags?: string[];
  removeTags?: string[];
  due?: string;
  recurrence?: string;
}

export interface ListFilter {
  status: StatusFilter;
  priority?: PriorityWord | 'none';
  tags?: string[];
  due?: DueQuery;
  sort?: 'due' | 'priority';
}

const TAG = '#?[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*';
const TAG_LIST = `${TAG}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${TAG})*`;
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const LEVEL: Record<string, PriorityWord> = {
  high: 'high',
  top: 'high',
  urgent: 'high',
  important: 'high',
  medium: 'medium',
  normal: 'medium',
  low: 'low',
};
const LEVEL_WORD = '(high|top|urgent|important|medium|normal|low)';

function tagsOf(list: string): string[] {
  const tags = list
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((t) => t.replace(/^#/, '').toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

const PRIORITY_AT_END = [
  new RegExp(`[\\s,;(–—-]*\\b(?:(?:with|as|at)\\s+)?(?:an?\\s+)?${LEVEL_WORD}[\\s-]+priority\\)?$`, 'i'),
  new RegExp(`[\\s,;(–—-]*\\bpriority\\s*[:=]?\\s*${LEVEL_WORD}\\)?$`, 'i'),
  /[\s,;(–—-]*\b(?:it'?s\s+)?(urgent|important|asap)!*\)?$/i,
];
const TAGS_AT_END = new RegExp(
  `[\\s,;(–—-]*\\b(?:tagged(?:\\s+(?:as|with))?|tag(?:ged)?\\s+(?:it\\s+)?(?:as|with)|with\\s+(?:the\\s+)?tags?|labell?ed(?:\\s+as)?)\\s+(${TAG_LIST})\\)?$`,
  'iu',
);
const REPEAT_AT_END = new RegExp(
  `[\\s,;(–—-]*\\b((?:every|each)\\s+(?:other\\s+|second\\s+|\\d{1,3}\\s+)?(?:day|weekday|working day|week|fortnight|month|${DAY})s?` +
    `(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${DAY}s?)*(?:\\s+on\\s+the\\s+\\d{1,2}(?:st|nd|rd|th))?|daily|weekly|monthly|biweekly|fortnightly|on weekdays)\\)?$`,
  'i',
);

/**
 * Takes the fields off the end of a new task's text (and #tags anywhere): "pay rent every month on the 1st, high
 * priority" → "pay rent" + { priority: high, recurrence: "every month on the 1st" }.
 */
export function splitTaskFields(input: string): { text: string; fields: TaskFields } {
  const fields: TaskFields = {};
  const tags: string[] = [];
  let text = input.replace(
    new RegExp(`(^|\\s)#([\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)`, 'gu'),
    (_m, space: string, tag: string) => {
      tags.push(tag.toLowerCase());
      return space;
    },
  );
  for (let i = 0; i < 6; i++) {
    const before = text;
    text = text.replace(/[\s,;]+$/, '');
    let m: RegExpExecArray | null = null;
    const priority = PRIORITY_AT_END.map((re) => re.exec(text)).find((x) => x !== null);
    if (!fields.priority && priority) {
      fields.priority = LEVEL[priority[1].toLowerCase()] ?? 'high';
      text = text.slice(0, priority.index);
    } else if ((m = TAGS_AT_END.exec(text))) {
      tags.push(...tagsOf(m[1]));
      text = text.slice(0, m.index);
    } else if (!fields.recurrence && (m = REPEAT_AT_END.exec(text))) {
      fields.recurrence = m[1].toLowerCase().replace(/\s+/g, ' ');
      text = text.slice(0, m.index);
    } else if (!fields.due) {
      const due = trailingDueWords(text);
      if (due && due.index > 0) {
        fields.due = due.words;
        text = text.slice(0, due.index).trimEnd();
        // "every monday at 9am": the repeat is the day, the first due date that day at that time
        // ("every weekday at 9am": the next 9:00).
        const every = /\s*\b(?:every|each)$/i.exec(text);
        if (every && !fields.recurrence) {
          const time = /\s*(?:at\s+)?(\d.*)$/i.exec(due.words);
          const day = (time ? due.words.slice(0, time.index) : due.words).trim().toLowerCase();
          fields.recurrence = `every ${day}`;
          if (time && /^(?:day|weekday|working day)$/.test(day)) fields.due = time[1];
          text = text.slice(0, every.index);
        }
      }
    }
    if (text === before) break;
  }
  if (tags.length) fields.tags = [...new Set(tags)];
  text = text.replace(/[\s,;:–—-]+$/, '').trim();
  // Nothing left of the title: the words were the title after all ("add urgent").
  return text ? { text, fields } : { text: input.trim(), fields: {} };
}

export function hasFields(fields: TaskFields): boolean {
  return Object.keys(fields).length > 0;
}

/** A change to existing tasks and the words naming them ("tag task 4 as work" → task 4, add tag work). */
export interface FieldCommand {
  target: string;
  change: FieldChange;
}

const MOVE_VERB = '(?:move|reschedule|re-schedule|postpone|push(?: back)?|shift|bump|delay|change)';

/** Commands that change a task's priority, tags, due date or repeat. */
export function fieldCommand(t: string): FieldCommand | undefined {
  const rule = (pattern: string) => new RegExp(pattern, 'iu').exec(t);
  let m: RegExpExecArray | null;

  // Priority: "make task 2 low priority", "mark the report as urgent", "set the priority of task 1 to high".
  if (
    (m = rule(
      `^(?:set|change|update|make)\\s+(?:the\\s+)?priority\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|as)\\s+${LEVEL_WORD}$`,
    ))
  )
    return { target: m[1], change: { priority: LEVEL[m[2].toLowerCase()] } };
  if (
    (m = rule(
      `^(?:make|mark|set|flag|change|turn|put)\\s+(.+?)\\s+(?:as\\s+|to\\s+|at\\s+)?(?:an?\\s+)?${LEVEL_WORD}(?:[\\s-]+priority)?$`,
    ))
  )
    return { target: m[1], change: { priority: LEVEL[m[2].toLowerCase()] } };
  if ((m = rule(`^(.+?)\\s+(?:is|should be)\\s+(?:an?\\s+)?${LEVEL_WORD}[\\s-]+priority$`)))
    return { target: m[1], change: { priority: LEVEL[m[2].toLowerCase()] } };
  if ((m = rule('^prioriti[sz]e\\s+(.+)$'))) return { target: m[1], change: { priority: 'high' } };
  if ((m = rule('^deprioriti[sz]e\\s+(.+)$'))) return { target: m[1], change: { priority: 'low' } };
  if ((m = rule('^(?:remove|clear|drop|reset)\\s+(?:the\\s+)?priority\\s+(?:of|from|on|for)\\s+(.+)$')))
    return { target: m[1], change: { priority: 'none' } };

  // Tags: "tag task 4 as work", "add the home tag to task 2", "untag work from task 4", "remove the work tag from it".
  if ((m = rule(`^(?:tag|label)\\s+(.+?)\\s+(?:as|with)\\s+(${TAG_LIST})$`)))
    return { target: m[1], change: { addTags: tagsOf(m[2]) } };
  if (
    (m = rule(`^(?:add|put)\\s+(?:the\\s+)?(?:tags?|labels?)\\s+(${TAG_LIST})\\s+(?:to|on)\\s+(.+)$`)) ??
    (m = rule(`^(?:add|put)\\s+(?:the\\s+|a\\s+)?(${TAG_LIST})\\s+(?:tag|label)\\s+(?:to|on)\\s+(.+)$`))
  )
    return { target: m[2], change: { addTags: tagsOf(m[1]) } };
  if (
    (m = rule(`^(?:untag|unlabel)\\s+(${TAG_LIST})\\s+from\\s+(.+)$`)) ??
    (m = rule(
      `^(?:remove|delete|drop|take)\\s+(?:the\\s+)?(?:tags?|labels?)\\s+(${TAG_LIST})\\s+(?:off\\s+|from\\s+|off\\s+of\\s+)(.+)$`,
    )) ??
    (m = rule(
      `^(?:remove|delete|drop|take)\\s+(?:the\\s+)?(${TAG_LIST})\\s+(?:tag|label)\\s+(?:off\\s+|from\\s+|off\\s+of\\s+)(.+)$`,
    ))
  )
    return { target: m[2], change: { removeTags: tagsOf(m[1]) } };

  // Due dates: "move the dentist to Friday 3pm", "reschedule my morning meetings to 2 PM", "task 3 is due tomorrow".
  if (
    (m = rule(
      '^(?:remove|clear|delete|drop)\\s+(?:the\\s+)?(?:due date|deadline|due time)\\s+(?:of|from|on|for)\\s+(.+)$',
    ))
  )
    return { target: m[1], change: { due: 'none' } };
  if (
    (m = rule(
      '^(?:set|change|update|move)\\s+(?:the\\s+)?(?:due date|deadline|due time)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|as)\\s+(.+)$',
    )) &&
    isDueWords(m[2])
  )
    return { target: m[1], change: { due: m[2] } };
  if ((m = rule(`^${MOVE_VERB}\\s+(.+?)\\s+(?:to|until|till|for|on)\\s+(.+)$`)) && isDueWords(m[2]))
    return { target: m[1], change: { due: m[2] } };
  if (
    (m = rule('^(?:make\\s+)?(.+?)\\s+(?:is\\s+|be\\s+)?(?:now\\s+)?due\\s+(.+)$')) &&
    isDueWords(m[2]) &&
    !/^(?:what|which|anything|is|are|add|create|new|remind|i|we)\b/i.test(m[1])
  )
    return { target: m[1], change: { due: m[2] } };

  // Repeats: "make task 1 repeat every week", "task 2 repeats daily", "stop repeating the rent task".
  if (
    (m = rule("^(?:stop|don't|do not|no longer)\\s+(?:repeating|recurring|repeat)\\s+(.+)$")) ??
    (m = rule('^make\\s+(.+?)\\s+(?:not repeat|stop repeating|a one-?off|one-?off)$'))
  )
    return { target: m[1], change: { recurrence: 'none' } };
  if (
    (m = rule('^(?:make|set)\\s+(.+?)\\s+(?:to\\s+)?(?:repeat|recur)\\s+(.+)$')) ??
    (m = rule('^(.+?)\\s+(?:should\\s+)?(?:repeats?|recurs?)\\s+(.+)$'))
  ) {
    const repeat = REPEAT_AT_END.exec(m[2]);
    if (repeat && repeat.index === 0)
      return { target: m[1], change: { recurrence: repeat[1].toLowerCase() } };
  }
  return undefined;
}

const ASKS =
  /^(?:what(?:'s| is| are)?|which|whats|am i|are we|show|list|display|view|see|get|give|tell|any|anything|is anything|is there|are there|do i have|have i got|what do i have|pull up)\b/i;
const STATUS_WORDS = new Set(
  'pending completed done open remaining outstanding incomplete unfinished finished all my the tasks todos items list everything current active new old recent'.split(
    ' ',
  ),
);

/** Questions and listings narrowed by due date, priority or tag, and "what should I do first?". */
export function listQuery(t: string): ListFilter | 'first' | undefined {
  const s = t
    .toLowerCase()
    .replace(/[?!.]+$/, '')
    .trim();
  if (
    /^(?:what|which task|which one)\s+(?:should|do|must|shall)\s+i\s+(?:do|work on|start with|tackle|focus on|pick)(?:\s+(?:first|next|now))?$|^where\s+(?:should|do)\s+i\s+start$|^what(?:'s| is)\s+(?:my\s+)?(?:most important|top priority|the most urgent|most urgent)(?:\s+(?:task|thing|one))?$|^prioriti[sz]e\s+(?:my\s+)?(?:tasks|list|day|todos)$|^what\s+first$/.test(
      s,
    )
  )
    return 'first';
  if (!ASKS.test(s) && !/^(?:my\s+)?(?:overdue|urgent|high[\s-]priority)\b/.test(s)) return undefined;
  if (/\b(?:overdue|past due|late|behind)\b/.test(s) && !/\bnot\s+(?:overdue|late)\b/.test(s))
    return { status: 'pending', due: 'overdue', sort: 'due' };
  if (/\bdue\s+today\b|\b(?:for|on)\s+today\b|\btoday'?s\s+(?:tasks|list|todos)\b/.test(s))
    return { status: 'pending', due: 'today', sort: 'due' };
  if (
    /\b(?:due\s+)?(?:this|the)\s+(?:coming\s+)?week\b|\bnext\s+(?:7|seven)\s+days\b/.test(s) &&
    /\bdue\b|\bweek\b/.test(s)
  )
    return { status: 'pending', due: 'week', sort: 'due' };
  if (/\b(?:no|without(?:\s+an?)?)\s+(?:due date|deadline)s?\b/.test(s))
    return { status: 'pending', due: 'none' };
  let m = new RegExp(`\\b${LEVEL_WORD}[\\s-]+priority\\b`).exec(s) ?? /\b(urgent|important)\b/.exec(s);
  if (m) return { status: 'pending', priority: LEVEL[m[1]] };
  m =
    new RegExp(
      `\\b(?:tagged(?:\\s+(?:as|with))?|with\\s+(?:the\\s+)?tag|labell?ed)\\s+(${TAG})\\b`,
      'u',
    ).exec(s) ?? new RegExp(`(?:^|\\s)#(${TAG})`, 'u').exec(s);
  if (m) return { status: 'all', tags: tagsOf(m[1]) };
  m =
    /^(?:show|list|display|view|see|get|give|pull up|what are)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my|the)\s+([\p{L}\p{N}_.-]+)\s+(?:tasks|todos|to-dos|items|stuff|things)$/u.exec(
      s,
    );
  if (m && !STATUS_WORDS.has(m[1])) return { status: 'all', tags: [m[1]] };
  if (/\b(?:by|in order of)\s+(?:due date|deadline|when (?:they're|they are) due)\b/.test(s))
    return { status: 'all', sort: 'due' };
  if (/\b(?:by|in order of)\s+priority\b/.test(s)) return { status: 'all', sort: 'priority' };
  return undefined;
}
