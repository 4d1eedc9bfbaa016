/**
 * Taking something back in English: undo ("undo", "bring it back", "undo the last two changes") and corrections
 * right after an action ("actually make that oat milk", "no, I meant task 4", "sorry, the other one", "not that
 * one"). What a correction changes depends on the action it follows; the planner decides, these rules only read
 * what was said.
 */
import { isDueWords } from '../../../../tasks/schedule/due-dates';
import type { Correction, CorrectionValue, Intent, PriorityWord } from '../intent';
import { parseTarget } from './targets';
import { parseNumber } from './text-normalize';
import { DONE_WORD, UNDONE_WORD } from './vocabulary';

/** Words people start a correction or an undo with: "no", "sorry", "oops", "wait", "actually", "ugh"… */
const LEAD =
  '(?:(?:no+|nope|nah|oh|oh no|oops|whoops|sorry|wait|actually|hmm+|ugh+|argh|err|erm|uh|um|ah|dang|damn|shoot|my bad|my mistake|correction|never ?mind|uh oh|hold on)\\b[\\s,.!:;-]*)*';

const UNDO_WORDS =
  '(?:undo|revert|reverse|take (?:that|it) back|(?:put|bring|get) (?:it|that|them|those|this) back|scratch that)';

/** A trailing clause that says nothing more: "please", "again", "for me". */
const UNDO_TAIL =
  '(?:\\s+(?:that|it|this|please|again|for me|now|the last (?:one|change|action|thing)|my last (?:change|action)|what you (?:just )?did|that (?:last )?change|the change))*';

/** "undo", "oops, undo", "bring it back", "I didn't mean to delete that, put it back", "undo the last two changes". */
export function undoRules(t: string): Intent | undefined {
  const s = t.replace(/[\s.!?…]+$/u, '').trim();
  const steps = new RegExp(
    `^${LEAD}(?:undo|revert|reverse)\\s+(?:the\\s+|my\\s+)?(?:last|previous)\\s+(\\w+)\\s+(?:changes|actions|things|steps)$`,
    'i',
  ).exec(s);
  if (steps) {
    const n = parseNumber(steps[1]);
    if (n !== undefined && n >= 1 && n <= 10) return { kind: 'undo', steps: n };
  }
  if (new RegExp(`^${LEAD}undo\\s+(?:twice|two times)$`, 'i').test(s)) return { kind: 'undo', steps: 2 };
  // The undo may come after a clause saying why: "I didn't mean to delete that, put it back".
  if (
    new RegExp(`^(?:[^,.!;]{0,80}[,.!;]\\s*)?${LEAD}(?:please\\s+)?${UNDO_WORDS}${UNDO_TAIL}$`, 'i').test(s)
  )
    return { kind: 'undo' };
  if (
    new RegExp(
      `^${LEAD}(?:can|could|may) (?:i|we|you) (?:please\\s+)?(?:get|have|bring|put|undo)(?: (?:that|it|them))?(?: back)?$`,
      'i',
    ).test(s) &&
    /\b(?:back|undo)\b/i.test(s)
  )
    return { kind: 'undo' };
  return undefined;
}

/** "high", "low priority", "urgent": a priority on its own. */
const PRIORITY_ALONE = /^(?:an?\s+)?(?:high|top|urgent|important|medium|normal|low)(?:[\s-]+priority)?$/i;

/** What may follow a bare "no," / "sorry,": a number, an ordinal, a day, a priority, a tag — not a command. */
function isValueLike(text: string): boolean {
  const target = parseTarget(text);
  if (target?.by === 'ids' || target?.by === 'ordinal') return true;
  return (
    isDueWords(text) || PRIORITY_ALONE.test(text) || /^as\s+#?[\p{L}\p{N}][\p{L}\p{N}_.-]*$/iu.test(text)
  );
}

const LEVELS: Readonly<Record<string, PriorityWord | 'none'>> = {
  high: 'high',
  top: 'high',
  urgent: 'high',
  important: 'high',
  medium: 'medium',
  normal: 'medium',
  low: 'low',
  no: 'none',
};

/** What the new value of a correction could be: "task 4", "Saturday", "high priority", "as groceries", "every week". */
function correctionValue(raw: string): CorrectionValue {
  const text = raw.replace(/\s+instead$/i, '').trim();
  const value: CorrectionValue = { text };
  const target = parseTarget(text.replace(/^(?:as|to)\s+/i, ''));
  if (target && target.by !== 'unspecified' && target.by !== 'everything') value.target = target;
  if (isDueWords(text)) value.due = true;
  const level = /^(?:an?\s+)?(high|top|urgent|important|medium|normal|low|no)(?:[\s-]+priority)?$/i.exec(
    text,
  );
  if (level) value.priority = LEVELS[level[1].toLowerCase()];
  const tag = /^(?:as\s+|with\s+)?#?([\p{L}\p{N}][\p{L}\p{N}_.-]*)(?:\s+tag)?$/iu.exec(text);
  if (tag) value.tag = tag[1].toLowerCase();
  if (/^(?:every|each|daily|weekly|monthly|fortnightly)\b/i.test(text)) value.repeat = true;
  return value;
}

/**
 * Reads a correction of the previous action, from the message before politeness was taken off (its "no," and
 * "sorry," are what make it one). Undefined when it is not one.
 */
export function correctionOf(message: string): Correction | undefined {
  const s = message
    .replace(/[\s.!?…]+$/u, '')
    .replace(/[\s,]+(?:thanks|thank you|please|pls|sorry|my bad)$/i, '')
    .trim();
  const rule = (pattern: string) => new RegExp(`^${LEAD}${pattern}$`, 'i').exec(s);
  if (
    rule(
      "(?:no\\s+)*(?:not (?:that|this)(?: one| task)?|wrong (?:one|task)|(?:that's|that is|that was|it's|it was) (?:the )?wrong(?: one| task)?|that's not (?:the one|it|right)|not the right one|i still need (?:that|it|this)(?: one)?|i need (?:that|it) back|don't (?:delete|remove) (?:that|it)|i didn't mean (?:that|this)(?: one)?)",
    )
  )
    return { by: 'revert' };
  if (rule("(?:i meant |i mean |no,?\\s+|it's |it was )?(?:the )?other (?:one|task)")) return { by: 'other' };
  let m = rule('(?:make|change|turn|switch) (?:that|it|this)(?: one)?(?: to| into)? (.+?)');
  if (m && !new RegExp(`^(?:as\\s+)?(?:${DONE_WORD}|${UNDONE_WORD})$`, 'i').test(m[1]))
    return { by: 'value', value: correctionValue(m[1]) };
  m = rule(
    '(?:i meant|i mean|i was talking about|i was thinking of|it should be|that should be|it should have been|i wanted)\\s+(.+?)',
  );
  if (m) return { by: 'either', value: correctionValue(m[1]) };
  // A bare "no, Tuesday" / "sorry, Thursday" / "no, task 4": only with the word that makes it a correction.
  m =
    /^(?:no+|nope|sorry|oops|whoops|wait|actually|ugh+|hmm+)\b[\s,.!:;-]+(?:(?:no|wait|sorry)\b[\s,.!:;-]+)*(.+)$/i.exec(
      s,
    );
  if (m && isValueLike(m[1])) return { by: 'either', value: correctionValue(m[1]) };
  return undefined;
}
