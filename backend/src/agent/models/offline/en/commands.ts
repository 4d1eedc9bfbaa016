/**
 * English commands, anchored on their leading verb so that a title such as "add a task to delete old emails" is
 * never read as a deletion: adding, completing (by command or by saying it is done), deleting, renaming, bulk.
 */
import type { Action, Intent } from '../intent';
import { extractNewTasks, makeTask, splitDescription } from './new-tasks';
import { splitTaskFields } from './task-fields';
import { act } from './targets';
import { PAST_FORMS, toTitle } from './text-normalize';
import {
  DELETE_VERB,
  DONE_STATE,
  DONE_WORD,
  isDoneState,
  NUM,
  PAST_STOPLIST,
  TASK_NOUN,
  TASK_VERBS,
  UPDATE_VERB,
} from './vocabulary';

export function bulkRules(t: string): Intent | undefined {
  if (
    /^(?:clear|delete|remove|erase|purge|clean(?: up| out)?|get rid of|archive|trash|wipe|drop|discard)\s+(?:out\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:completed|done|finished|checked(?: off)?|ticked(?: off)?|closed|old completed|complete)(?:\s+(?:tasks|todos|to-dos|items|ones|stuff|things|entries))?(?:\s+(?:from|off|on)\s+(?:my|the)\s+list)?$/i.test(
      t,
    ) ||
    /^(?:clear|delete|remove|erase|purge|get rid of|trash|wipe)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:tasks|todos|items|ones|things)\s+(?:that\s+are|that're|which\s+are|i(?:'ve| have)|marked(?:\s+as)?|already)\s+(?:already\s+)?(?:done|completed|finished|checked off|complete)$/i.test(
      t,
    ) ||
    /^(?:clear|delete|remove)\s+(?:everything|all)\s+(?:that's|that is|i've|i have)\s+(?:done|completed|finished)$/i.test(
      t,
    )
  ) {
    return { kind: 'clear_completed' };
  }
  if (
    /^(?:delete|remove|clear|erase|wipe|trash|purge|get rid of|empty)\s+(?:out\s+)?(?:all|everything|every(?: single)? (?:task|todo|item)|all (?:of )?(?:my|the) (?:tasks|todos|items|to-dos)|all tasks|(?:my|the) (?:whole|entire|complete) (?:list|to-?do list|task list)|my (?:list|tasks|to-?do list|task list|todos)|the list)(?:\s+(?:from|on)\s+(?:my|the)\s+list)?$/i.test(
      t,
    ) ||
    /^(?:start over|start fresh|reset (?:my )?(?:list|tasks))$/i.test(t)
  ) {
    return { kind: 'act', action: { verb: 'delete' }, target: { by: 'everything' } };
  }
  if (
    /^(?:mark|check off|tick off|complete|finish|close)\s+(?:all|everything|every (?:task|todo|item)|all (?:of )?(?:my|the) (?:pending |open |remaining )?(?:tasks|todos|items))(?:\s+(?:as\s+)?(?:done|complete|completed|finished))?$/i.test(
      t,
    ) ||
    /^(?:i(?:'m| am|'ve| have)?\s+)?(?:done|finished|completed)\s+(?:with\s+)?(?:everything|all (?:of )?(?:my|the) tasks)$/i.test(
      t,
    )
  ) {
    return { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'everything' } };
  }
  if (
    /^(?:undo|undo (?:that|it|this|the last (?:one|change|action))|revert(?: that| it)?|take (?:that|it) back)$/i.test(
      t,
    )
  ) {
    return { kind: 'undo' };
  }
  return undefined;
}

export function completeCommandRules(t: string): Intent | undefined {
  const done: Action = { verb: 'complete', completed: true };
  let m = new RegExp(
    `^(?:mark|set|flag|put|tick|check|cross|make)\\s+(?:off\\s+)?(.+?)\\s+(?:off\\s+)?(?:as\\s+being\\s+|as\\s+|to\\s+)?${DONE_WORD}$`,
    'i',
  ).exec(t);
  if (m) return act(done, m[1]);
  m =
    /^(?:check|tick|cross|strike)\s+off\s+(.+)$/i.exec(t) ??
    /^(?:check|tick|cross|strike)\s+(.+?)\s+off$/i.exec(t);
  if (m) return act(done, m[1]);
  m = /^(?:complete|finish|close|resolve)\s+(.+)$/i.exec(t);
  if (m) return act(done, m[1]);
  m = new RegExp(
    `^(?:check|tick|mark)\\s+((?:${TASK_NOUN}\\s*)?#?\\s*${NUM}|it|that|this one|that one)$`,
    'i',
  ).exec(t);
  if (m) return act(done, m[1]);
  if (
    /^(?:done|finished|complete|all done|did it|finished it|completed it|done it|i did it|i finished it|i completed it|i'm done|im done|i am done|mark (?:it|that) done|✓|✔|✅)$/i.test(
      t,
    )
  ) {
    return act(done, 'it');
  }
  return undefined;
}

export function deleteRules(t: string): Intent | undefined {
  const del: Action = { verb: 'delete' };
  let m = new RegExp(
    `^${DELETE_VERB}(?:\\s+(.+?))?(?:\\s+(?:from|off(?: of)?)\\s+(?:my|the)\\s+(?:list|tasks|to-?do list|task list|todos|agenda))?$`,
    'i',
  ).exec(t);
  if (m) return act(del, m[1]);
  m = /^(?:i\s+)?(?:don't|do not|no longer)\s+need\s+(?:to\s+)?(.+?)(?:\s+any\s?more)?$/i.exec(t);
  if (m) return act(del, m[1]);
  m =
    /^(?:take|strike|cross)\s+(.+?)\s+(?:off|out of|from)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)$/i.exec(
      t,
    );
  if (m) return act(del, m[1]);
  m = /^(.+?)\s+(?:can|should|must)\s+be\s+(?:deleted|removed|dropped)$/i.exec(t);
  if (m) return act(del, m[1]);
  return undefined;
}

export function updateRules(t: string, shouting: boolean): Intent | undefined {
  const update = (targetText: string | undefined, value: string): Intent | undefined => {
    const v = cleanValue(value);
    if (!v) return act({ verb: 'update' }, targetText);
    const split = splitDescription(v);
    const action: Action = { verb: 'update', title: toTitle(split.title, shouting) };
    if (split.description) action.description = split.description;
    return act(action, targetText);
  };
  // Titles with both sides quoted: "rename 'go to gym' to 'gym daily'".
  let m = new RegExp(
    `^${UPDATE_VERB}\\s+(?:the\\s+)?(?:${TASK_NOUN}\\s+)?["“'‘]([^"”'’]+)["”'’](?:\\s+${TASK_NOUN})?\\s+(?:to|into|as|with|->|→)\\s+(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = new RegExp(
    `^${UPDATE_VERB}\\s+(?:the\\s+)?(?:title|name|text|wording)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|into|as|with|=|->|→|:)\\s*(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = new RegExp(
    `^${UPDATE_VERB}\\s+(.+?)(?:'s)?\\s+(?:title|name|text)\\s+(?:to|into|as|with|=|->|→|:)\\s*(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m =
    /^replace\s+(.+?)\s+with\s+(.+)$/i.exec(t) ??
    new RegExp(`^${UPDATE_VERB}\\s+(.+?)(?:\\s*:|\\s+(?:to|into|as|=|->|→))\\s+(.+)$`, 'i').exec(t);
  // "set a reminder to call grandma" creates a task; it does not rename one.
  if (
    m &&
    !/^(?:add|create)\b|^(?:me\s+)?(?:an?|another|new)\s+(?:new\s+)?(?:reminder|task|todo|to-do|note)$/i.test(
      m[1],
    )
  ) {
    return update(m[1], m[2]);
  }
  m = new RegExp(
    `^(?:rename|retitle|call|name|title)\\s+(it|that|this|that one|this one|(?:${TASK_NOUN}\\s*)?#?\\d+)\\s*[:,-]?\\s+(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = /^(?:make|let)\s+(.+?)\s+(?:say|read|be called|be named|be titled)\s+(.+)$/i.exec(t);
  if (m) return update(m[1], m[2]);
  m = /^(.+?)\s+should\s+(?:say|read|be called|be named|be titled)\s+(.+)$/i.exec(t);
  if (m && !/^(?:i|we|you|what)\b/i.test(m[1])) return update(m[1], m[2]);
  m = new RegExp(`^(?:change|rename|update|edit|modify|retitle)(?:\\s+(.+))?$`, 'i').exec(t);
  if (m) return act({ verb: 'update' }, m[1]);
  return undefined;
}

export function cleanValue(value: string): string {
  return value
    .trim()
    .replace(/^(?:be|say|read|now|just|simply)\s+/i, '')
    .replace(/^[:=\s]+/, '')
    .replace(/\s+(?:instead|please)$/i, '')
    .trim();
}

const ADD_PREFIX =
  /^(?:add|ad|create|new|insert|append|jot(?:\s+down)?|write\s+down|note(?:\s+down)?|put\s+down|log|record|save|enter|put|make|set\s+up|set|schedule)\b\s*/i;

export function addRules(t: string, shouting: boolean): Intent | undefined {
  // "add a note to self: call the bank" is a new task, not a task called "Self".
  const memo =
    /^(?:add|write|make|take|jot down)\s+(?:a\s+)?note\s+to\s+(?:self|myself)\s*[:,\-–—]?\s*(.+)$/i.exec(t);
  if (memo) return { kind: 'add', tasks: extractNewTasks(memo[1], shouting) };
  let m = ADD_PREFIX.exec(t);
  if (m) {
    const verb = m[0].trim().toLowerCase();
    const rest = t.slice(m[0].length);
    // "make dinner", "put away the dishes", "set up the printer" are tasks themselves, not commands.
    const needsNoun = /^(?:make|put|set\s+up|set|schedule|record|log|save|enter|note)$/.test(verb);
    const hasNoun = new RegExp(
      `^(?:me\\s+)?(?:an?\\s+|another\\s+|one more\\s+|the following\\s+)?(?:new\\s+)?(?:${TASK_NOUN}s?|note)\\b|^:`,
      'i',
    ).test(rest);
    const hasListSuffix =
      /\s(?:to|on|onto|in|into)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos|agenda)$/i.test(
        rest,
      );
    if (!needsNoun || hasNoun || hasListSuffix || (verb === 'note' && rest.startsWith(':'))) {
      return { kind: 'add', tasks: extractNewTasks(rest, shouting) };
    }
  }
  m =
    /^(?:remind me (?:to|that|about|of)|(?:please )?don't let me forget(?: to| about)?|do not let me forget(?: to| about)?|don't forget(?: to| about)?|dont forget(?: to| about)?|do not forget(?: to| about)?|help me remember(?: to)?|i (?:need|have|must|should|ought|want|got|gotta|'ve got|have got) to remember(?: to| that)?|i(?:'ll| will) need to remember(?: to)?|remember(?: to| that)?|i need to|i have to|i've got to|i got to|i gotta|gotta|i must|i should|i ought to|i want to|i'd like to|i would like to|i'm going to|im going to|i am going to|i'll have to|i will have to|i'll need to|i will need to|need to|have to|must)\s+(.+)$/i.exec(
      t,
    );
  if (m) {
    const body = /^remind me (?:about|of)\b|forget about\b/i.test(t) ? m[1].replace(/^the\s+/i, '') : m[1];
    return { kind: 'add', tasks: extractNewTasks(body, shouting, false) };
  }
  m =
    /^(?:todo|to do|to-do|task|note to self|memo|reminder|new task)\s*[:\-–—]\s*(.+)$/i.exec(t) ??
    /^note to self\s+(.+)$/i.exec(t);
  if (m) return { kind: 'add', tasks: extractNewTasks(m[1], shouting) };
  return undefined;
}

export function completeSentenceRules(t: string): Intent | undefined {
  const done: Action = { verb: 'complete', completed: true };
  let m =
    /^(?:i|we)(?:'ve| have|'m| am)?\s+(?:(?:just|already|finally|now|totally|completely|actually)\s+)*(?:finished|completed|done|did|accomplished|wrapped up|knocked out|ticked off|checked off|crossed off|got through)\s+(?:with\s+)?(.+)$/i.exec(
      t,
    );
  if (m) return act(done, m[1]);
  m =
    /^(?:i'm|i am|im|we're|we are)\s+(?:(?:all|now|finally)\s+)?(?:done|finished|through)\s+with\s+(.+)$/i.exec(
      t,
    );
  if (m) return act(done, m[1]);
  m = /^(?:done|finished|completed)(?:\s*:\s*|\s+)(?:with\s+)?(.+)$/i.exec(t);
  if (m) return act(done, m[1]);
  m = new RegExp(
    `^(.+?)(?:\\s+(?:is|was|are|were|has been|have been|got)|'s)\\s+(?:(?:now|finally|already|all|officially)\\s+)?${DONE_STATE}$`,
    'i',
  ).exec(t);
  if (m && !/^(?:i|we|you|what|how|why|when|where|who|which|everything|all)\b/i.test(m[1]))
    return act(done, m[1]);
  // "the milk's been bought", "the kitchen is clean now", "the rent is paid": the subject and the state name it.
  m =
    /^(.+?)(?:'s|\s+is|\s+was|\s+are|\s+were|\s+has been|\s+have been|'s been|'ve been|\s+got)\s+(?:(?:now|finally|already|all|officially|just)\s+)*([a-z]+)(\s+(?:out|up|off|back|away|down))?$/i.exec(
      t,
    );
  if (
    m &&
    isDoneState(m[2]) &&
    !PAST_STOPLIST.has(m[2].toLowerCase()) &&
    !/^(?:moved|rescheduled|pushed|blocked|assigned|stuck|overdue)$/i.test(m[2]) &&
    !/^(?:i|we|you|he|she|they|it|this|that|there|what|how|why|when|where|who|which|everything|all)\b/i.test(
      m[1],
    )
  )
    return act(done, `${m[1]} ${m[2]}${m[3] ?? ''}`);
  m = new RegExp(`^(.+?)\\s+${DONE_WORD}$`, 'i').exec(t);
  if (m && !/^(?:i|we|you|what|how|why|when|where|who|which|am|are|is)\b/i.test(m[1])) return act(done, m[1]);
  // "I called mom", "I've paid the bills", "got the groceries": the past tense names the task.
  m = /^(?:(?:i|we)(?:'ve| have)?\s+)?(?:(?:just|already|finally|now|actually)\s+)*([a-z]+)\s+(.+)$/i.exec(t);
  if (m) {
    const verb = m[1].toLowerCase();
    if ((PAST_FORMS.has(verb) || /^[a-z]{2,}ed$/.test(verb)) && !PAST_STOPLIST.has(verb)) {
      return act(done, `${verb} ${m[2]}`);
    }
  }
  return undefined;
}

export function suggestAdd(t: string, shouting: boolean): Intent | undefined {
  const first = t.toLowerCase().split(/\s+/)[0] ?? '';
  const wordCount = t.split(/\s+/).length;
  if (wordCount >= 2 && wordCount <= 10 && TASK_VERBS.has(first) && !/[?]$/.test(t)) {
    const { text, fields } = splitTaskFields(t);
    return { kind: 'suggest_add', task: makeTask(splitDescription(text), shouting, fields) };
  }
  return undefined;
}
