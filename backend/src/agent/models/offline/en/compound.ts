/** Several commands in one message: "add milk and mark task 2 done", "delete task 1. add oat milk". */
import { descriptionRules } from './descriptions';

/**
 * "add milk and mark task 2 done" → two commands. Only split before a clear command, so that a title
 * containing "and" stays whole.
 */
export function splitCompound(text: string): string[] {
  // "mark 1 as done and 3 as not done": one verb, two tasks, two states.
  const pair = /^(mark|set|flag)\s+(.+?)\s+as\s+(.+?)\s*,?\s+and\s+(.+?)\s+as\s+(.+)$/i.exec(text);
  if (pair) return [`${pair[1]} ${pair[2]} as ${pair[3]}`, `${pair[1]} ${pair[4]} as ${pair[5]}`];
  const boundary =
    /(?:\s*[.;!]\s+|\s*,?\s+(?:and\s+)?then\s+|\s*,?\s+and\s+(?:also\s+)?|\s*,\s*also\s+|\s+also\s+)(?=(?:add|create|delete|remove|mark|complete|finish|show|list|rename|change|update|reopen|uncheck|check off|tick off|move|reschedule|postpone|tag|untag|prioriti[sz]e|make (?:it|that|them|this)|remind me|what's|what is)\b)/i;
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < 5; i++) {
    const m = boundary.exec(rest);
    if (!m) break;
    const head = rest.slice(0, m.index);
    const tail = rest.slice(m.index + m[0].length);
    // "add a task to check email and delete spam" is one task: only split after an add when the next
    // part names a task explicitly.
    // So is a new description: "set the notes of task 1 to add cream, then delete the old carton".
    if (
      (/^(?:add|create|remind|new)\b/i.test(head) || setsDescription(head)) &&
      !/\b(?:task|tasks|todo|list|it|#?\d+)\b|^(?:add|create|show|list|what|remind me)/i.test(tail)
    ) {
      break;
    }
    parts.push(head);
    rest = tail;
  }
  parts.push(rest);
  return parts.filter((p) => p.trim().length > 0);
}

function setsDescription(text: string): boolean {
  const intent = descriptionRules(text);
  return intent?.kind === 'act' && intent.action.verb === 'update' && !!intent.action.description;
}
