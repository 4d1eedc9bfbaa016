/** Setting, changing and clearing a task's description in English. */
import type { Intent } from '../intent';
import { cleanValue } from './commands';
import { act } from './targets';
import { stripQuotes } from './text-normalize';
import { DESC_NOUN, NUM, TASK_NOUN } from './vocabulary';

/** Verbs that clear a description ("clear the notes of task 2"). */
const CLEAR_VERB =
  '(?:clear|remove|delete|erase|drop|wipe|empty|reset|strip|scrap|discard|get rid of|take off|take away)';

/** Verbs that set one ("set the description of task 2 to …"). */
const SET_VERB = '(?:set|change|update|edit|replace|modify|rewrite|amend|correct|fix|redo)';

/** The task a description belongs to: a quoted title (which may contain "to"), else the fewest words. */
const DESC_TARGET = `(["“'‘][^"”'’]+["”'’]|.+?)`;

/** New texts that mean "no description". */
const NO_TEXT = /^(?:nothing|empty|blank|no (?:description|desc|notes?|details)|""|'')$/i;

/**
 * The text of a new description, as the user wrote it: everything after the separator, commas and other
 * punctuation included; surrounding quotes dropped. '' (clear) for "nothing", "empty"…; undefined for no text.
 */
export function descriptionText(value: string): string | undefined {
  const v = stripQuotes(cleanValue(value));
  if (!v) return undefined;
  return NO_TEXT.test(v) ? '' : v;
}

/**
 * Setting, changing and clearing a task's description, by number or by name. Checked before the other
 * commands: "clear the description of task 2" is not a deletion, and in "set the description of task 1 to two
 * liters, skimmed" the task ends at the first "to" while the text runs to the end, commas and all.
 */
export function descriptionRules(t: string): Intent | undefined {
  const set = (target: string, value: string): Intent | undefined => {
    const description = descriptionText(value);
    return act(
      description === undefined ? { verb: 'update', askFor: 'description' } : { verb: 'update', description },
      target,
    );
  };
  const clear = (target: string): Intent | undefined => act({ verb: 'update', description: '' }, target);
  const rule = (pattern: string) => new RegExp(pattern, 'i').exec(t);

  // Clearing: "clear the description of task 2", "remove the notes from the milk task", "erase its details",
  // "clear task 2's notes", "task 2 doesn't need a description".
  let m = rule(
    `^${CLEAR_VERB}\\s+(?:out\\s+)?(?:the\\s+|any\\s+|all\\s+(?:the\\s+)?)?${DESC_NOUN}\\s+(?:of|from|on|for|in|off(?:\\s+of)?)\\s+(.+)$`,
  );
  if (m) return clear(m[1]);
  m =
    rule(`^${CLEAR_VERB}\\s+(.+?)(?:'s|’s)\\s+${DESC_NOUN}$`) ??
    rule(`^${CLEAR_VERB}\\s+((?:${TASK_NOUN}\\s*)?#\\s*${NUM}|${TASK_NOUN}\\s*${NUM})\\s+${DESC_NOUN}$`);
  if (m) return clear(m[1]);
  if (rule(`^${CLEAR_VERB}\\s+(?:its\\s+${DESC_NOUN}|the\\s+(?:description|desc))$`)) return clear('it');
  m = rule(
    `^(.+?)\\s+(?:doesn't|does not|doesnt)\\s+need\\s+(?:(?:a|an|any|the|its)\\s+)?${DESC_NOUN}(?:\\s+any\\s?more)?$`,
  );
  if (m) return clear(m[1]);

  // Setting: "set the description of task 1 to …", "change the notes on “go to gym” to: …".
  m = rule(
    `^(?:${SET_VERB}|make)\\s+(?:the\\s+|a\\s+|an\\s+)?${DESC_NOUN}\\s+(?:of|for|on|in)\\s+${DESC_TARGET}(?:\\s+(?:to|as|into)\\b\\s*:?|\\s*:)\\s*(.+)$`,
  );
  if (m) return set(m[1], m[2]);
  // "add a note to task 3: call first", "put a note on the milk task saying two liters, skimmed".
  m = rule(
    `^(?:add|set|put|attach|write|give|include|append|leave|stick)\\s+(?:an?\\s+|the\\s+)?${DESC_NOUN}\\s+(?:to|on|for|of|in)\\s+(?!self\\b|myself\\b)${DESC_TARGET}\\s*(?::|,|\\s-|\\s—|\\s–|\\ssaying|\\sthat says|\\sreading|\\sas\\b)\\s*(.+)$`,
  );
  if (m) return set(m[1], m[2]);
  // "set task 1's description to …", "update task 2 description: …", "edit the milk task notes: …". Without
  // the 's the task must be named as one ("task 2", "the milk task"): "change meeting notes to team notes"
  // renames the task "Meeting notes".
  const separator = `\\s*(?::|\\s(?:to|as)\\b\\s*:?)\\s*(.+)$`;
  m =
    rule(`^(?:set|change|update|edit)\\s+(.+?)(?:'s|’s)\\s+${DESC_NOUN}${separator}`) ??
    rule(
      `^(?:set|change|update|edit)\\s+((?:.+?\\s+)?${TASK_NOUN}(?:\\s*#?\\s*${NUM})?|#\\s*${NUM})\\s+${DESC_NOUN}${separator}`,
    );
  if (m) return set(m[1], m[2]);
  // "the description of task 1 should say …", "task 2's notes should be …".
  m =
    rule(
      `^(?:the\\s+)?${DESC_NOUN}\\s+(?:of|for|on)\\s+${DESC_TARGET}\\s+(?:should|must|can|will|needs to)\\s+(?:be|say|read)\\s*:?\\s+(.+)$`,
    ) ??
    rule(
      `^(.+?)(?:'s|’s)\\s+${DESC_NOUN}\\s+(?:should|must|can|will|needs to)\\s+(?:be|say|read)\\s*:?\\s+(.+)$`,
    );
  if (m) return set(m[1], m[2]);
  // "describe task 1 as …", "give task 1 the description …".
  m =
    /^describe\s+(.+?)\s+as\s+(.+)$/i.exec(t) ??
    rule(
      `^give\\s+(?!me\\b|us\\b)${DESC_TARGET}\\s+(?:an?|the|a new)\\s+${DESC_NOUN}\\s*(?::|\\ssaying|\\sthat says|\\sreading|\\sof)?\\s*(.+)$`,
    );
  if (m) return set(m[1], m[2]);
  // No text yet: "change the description of task 2" asks what it should say.
  m = rule(`^${SET_VERB}\\s+(?:the\\s+|a\\s+|an\\s+)?(?:new\\s+)?${DESC_NOUN}\\s+(?:of|for|on|in)\\s+(.+)$`);
  if (m) return act({ verb: 'update', askFor: 'description' }, m[1]);
  return undefined;
}
