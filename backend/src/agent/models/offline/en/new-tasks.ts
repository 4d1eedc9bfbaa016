/** New tasks in English: "add eggs, bread and butter", "buy milk: 2 liters", "pay rent every month, high priority". */
import type { NewTask, TaskFields } from '../intent';
import { hasFields, splitTaskFields } from './task-fields';
import { stripQuotes, toTitle } from './text-normalize';
import { DESC_NOUN, TASK_NOUN, TASK_VERBS } from './vocabulary';

/** Splits "title: description" forms. */
export function splitDescription(text: string): { title: string; description?: string } {
  const t = text.trim();
  const patterns = [
    new RegExp(
      `^(.+?)\\s*[,;]?\\s+(?:with|w/)\\s+(?:an?\\s+|the\\s+)?${DESC_NOUN}\\s*(?:that says|saying|of|reading|:|-)?\\s*(.+)$`,
      'i',
    ),
    new RegExp(`^(.+?)\\s*[;,(]\\s*${DESC_NOUN}\\s*[:=]\\s*(.+?)\\)?$`, 'i'),
    /^(.+?)\s*:\s+(.+)$/,
    // "milk, it's for the cake": a remark after a comma describes the task, it is not another task.
    /^(.+?),\s*((?:it|it's|its|this|that|they|which|because|since|so|but|as|for|needed|needs)\b.+)$/i,
    /^(.+?)\s+(?:--|—|–|-)\s+(.+)$/,
    /^(.+?)\s*\(([^()]+)\)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m && m[1].trim().length > 0 && m[2].trim().length > 0) {
      return { title: m[1].trim(), description: stripQuotes(m[2].trim().replace(/[\s.]+$/, '')) };
    }
  }
  return { title: t };
}

/** Body of an add command → one or several new tasks. */
export function extractNewTasks(rest: string, shouting: boolean, allowMulti = true): NewTask[] {
  let body = rest.trim();
  let plural = false;
  const lead = new RegExp(
    `^(?:me\\s+)?(?:(an?|another|one more|some|these|this|the following|following|two|three|four|five|\\d+|a couple of|a few)\\s+)?(?:new\\s+|more\\s+)?(?:(${TASK_NOUN}s?|notes?|things?)\\b)?\\s*(?:(?:to|that says|saying|called|named|titled|for|about|which says|reading)\\s+|[:\\-—–]\\s*)?`,
    'i',
  ).exec(body);
  if (lead && lead[0].trim().length > 0 && (lead[2] !== undefined || /[:\-—–]\s*$/.test(lead[0]))) {
    plural =
      /s$/i.test(lead[2] ?? '') ||
      /^(?:these|two|three|four|five|\d+|a couple of|a few|the following|following|some)$/i.test(
        lead[1] ?? '',
      );
    body = body.slice(lead[0].length);
    if (/\b(?:for|about)\s+$/i.test(lead[0])) body = body.replace(/^the\s+/i, '');
  }
  body = body
    .replace(/^(?:to|on(?:to)?)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)\s*[:-]?\s*/i, '')
    .replace(
      /\s+(?:to|on|onto|in|into)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos|agenda)$/i,
      '',
    )
    .replace(/\s+as\s+an?\s+(?:task|todo|to-do|reminder)$/i, '')
    .trim();
  // "add it" names no title: the planner asks for one (or confirms the task it just offered).
  if (
    body === '' ||
    /^(?:a|an|the|new)?\s*(?:task|todo|item|reminder)?$|^(?:it|that|this|them|those|these|one)$/i.test(body)
  )
    return [];
  // "pay rent every month on the 1st, high priority": the fields come off first and apply to every task.
  const { text, fields } = splitTaskFields(body);
  body = text;
  const single = splitDescription(body);
  if (single.description !== undefined || !allowMulti) return [makeTask(single, shouting, fields)];
  const items = splitItems(body, plural);
  return items
    .map((item) => makeTask(splitDescription(item), shouting, fields))
    .filter((t) => t.title.length > 0);
}

export function makeTask(
  split: { title: string; description?: string },
  shouting: boolean,
  fields?: TaskFields,
): NewTask {
  const task: NewTask = { title: toTitle(split.title, shouting) };
  if (split.description) task.description = split.description;
  if (fields && hasFields(fields)) task.fields = fields;
  return task;
}

function startsWithVerb(text: string): boolean {
  return TASK_VERBS.has(text.trim().toLowerCase().split(/\s+/)[0] ?? '');
}

/** "eggs, bread and butter" → three items; "call mom and dad" stays one. */
function splitItems(body: string, plural: boolean): string[] {
  if (/[\n;]/.test(body)) return body.split(/\s*[\n;]\s*/).filter((s) => s.length > 0);
  if (body.includes(',')) {
    const parts = body.split(/\s*,\s*/).filter((s) => s.length > 0);
    const last = parts.pop() ?? '';
    parts.push(...last.split(/\s+(?:and|&)\s+/).filter((s) => s.length > 0));
    const cleaned = parts.map((p) => p.replace(/^(?:and|&)\s+/i, ''));
    const verbs = cleaned.filter(startsWithVerb).length;
    // "buy milk, eggs and bread" is one shopping task; "call mom, pay bills" are two.
    if (verbs > 0 && verbs < cleaned.length && startsWithVerb(cleaned[0]) && !plural) return [body];
    return cleaned;
  }
  const andParts = body.split(/\s+(?:and|&)\s+/);
  if (andParts.length > 1 && (plural || andParts.every(startsWithVerb))) return andParts;
  return [body];
}
