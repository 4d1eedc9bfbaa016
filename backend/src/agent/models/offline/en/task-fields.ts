/**
 * Priorities, tags, due dates and repeats in what people say: "add pay rent every month on the 1st, high
 * priority", "tag task 4 as work", "move the dentist to Friday 3pm" (lists narrowed by them: list-filters.ts).
 *
 * Dates are only *found* here (chrono-node, through schedule/due-dates, against a fixed instant): the words are
 * passed to the tools as the person wrote them and resolved on the server in their time zone, so this model stays
 * free of clocks and time zones.
 */
import { isDueWords, trailingDueWords } from '../../../../tasks/schedule/due-dates';
import type { FieldChange, PriorityWord, TaskFields } from '../intent';
import { reminderCommand, trailingReminder } from './reminders';

export const TAG = '#?[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*';
const TAG_LIST = `${TAG}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${TAG})*`;
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
export const LEVEL: Record<string, PriorityWord> = {
  high: 'high',
  top: 'high',
  urgent: 'high',
  important: 'high',
  medium: 'medium',
  normal: 'medium',
  low: 'low',
};
export const LEVEL_WORD = '(high|top|urgent|important|medium|normal|low)';

export function tagsOf(list: string): string[] {
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
    let reminder: ReturnType<typeof trailingReminder>;
    const priority = PRIORITY_AT_END.map((re) => re.exec(text)).find((x) => x !== null);
    if (!fields.priority && priority) {
      fields.priority = LEVEL[priority[1].toLowerCase()] ?? 'high';
      text = text.slice(0, priority.index);
    } else if ((m = TAGS_AT_END.exec(text))) {
      tags.push(...tagsOf(m[1]));
      text = text.slice(0, m.index);
    } else if (!fields.remind && (reminder = trailingReminder(text)) && reminder.index > 0) {
      fields.remind = reminder.remind;
      text = text.slice(0, reminder.index);
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

  // Reminders: "remind me 30 minutes before", "no reminder for task 3" (reminders.ts).
  const reminder = reminderCommand(t);
  if (reminder) return reminder;

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
