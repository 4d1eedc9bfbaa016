/**
 * What people wrap a command in: greetings, politeness, hesitation and chat ("Could you please be so kind as to
 * delete task 2, thanks!", "ugh, ok, so the dentist thing is done"). Taken off both ends before the rules read the
 * command, so that the words around it never end up in a title or a task match.
 */

/** Openers, longest first where one starts another ("sorry to bother you, but" before "sorry"). */
const OPENERS = [
  // Asking nicely.
  "(?:i'd|i would) (?:really |so )?(?:appreciate it|be grateful|love it) if you (?:could|would|can)",
  'i was (?:just )?wondering if you (?:could|would|can)',
  'i wonder if you (?:could|would|can)',
  '(?:would|could|will) it be possible (?:for you )?to',
  'is it possible (?:for you )?to',
  'do me a (?:favou?r|solid) and',
  'be an? (?:dear|darling|star|love|sweetheart|doll|champ|angel|gem) and',
  '(?:be so kind as|be kind enough) to',
  "if (?:it's|it is) not too much (?:trouble|bother)",
  "if you (?:don't|do not) mind",
  'if you (?:can|could|get a chance)',
  'when(?:ever)? you (?:get|have) a (?:chance|moment|sec(?:ond)?|minute)',
  'whenever you can',
  'sorry to (?:bother|trouble|pester) you(?:,? but)?',
  'would you (?:mind|be so kind as to)',
  'do you mind',
  "(?:could|can|would|will|wo)(?:n'?t)? (?:you|u)(?: please| pls| plz| kindly| just| maybe| possibly| also)*",
  '(?:i suppose|i guess) you (?:could|can)',
  "(?:i'd|i would) (?:like|love) (?:you )?to",
  '(?:i want|i need) you to',
  'go ahead and',
  // Telling.
  'just wanted to (?:say|let you know|tell you)(?: that)?',
  '(?:just )?(?:a )?(?:quick )?heads up(?: that)?',
  'fyi',
  'by the way',
  'btw',
  '(?:it )?turns out(?: that)?',
  'apparently',
  'i think',
  'let me (?:think|see)',
  'quick (?:one|question)',
  'one more thing',
  'one last thing',
  // Greetings and thanks before the command.
  'good (?:morning|afternoon|evening|day)',
  'hey(?: there)?',
  'hi(?: there)?',
  'hello(?: there)?',
  'yo',
  'thanks?(?: you)?(?: so much| very much| a lot)?',
  // Hesitation, feelings and glue ("so yeah, …" before "so").
  '(?:so|oh|ok(?:ay)?|and|but|well),? (?:yeah|yep|yes)',
  'please',
  'pls',
  'plz',
  'plse',
  'kindly',
  'ok(?:ay)?',
  'so',
  'um+',
  'uh+',
  'hm+',
  'hmm+',
  'ugh+',
  'argh+',
  'lol',
  'haha+',
  'phew',
  'honestly',
  'basically',
  'anyway',
  'cool',
  'great',
  'nice',
  'awesome',
  'perfect',
  'well',
  'now',
  'also',
  'and',
  'then',
  'oh',
  'alright',
  'right',
  'actually',
  'wait',
  'hold on',
  'sorry',
  'oops',
  'bot',
  'assistant',
  'just',
  'quickly',
  'for me',
];

const LEADING_FILLER = new RegExp(`^(?:${OPENERS.join('|')})\\b[\\s,.!:;…-]*`, 'i');

/** Words after a command that only ever mean politeness ("delete task 2 please", "add milk, thanks"). */
const CLOSERS = [
  'please',
  'pls',
  'plz',
  'thanks?(?: you)?(?: so much| very much| a lot)?',
  'thank u',
  'thx',
  'ty',
  'cheers',
  'much appreciated',
  'appreciate it',
  'for me',
  'now',
  'asap',
  'right now',
  'real quick',
  'if you can',
  'if you could',
  'when you (?:get|have) a (?:chance|moment|sec(?:ond)?|minute)',
  'ok(?:ay)?',
  // "add bread too": also, not part of the title.
  'too',
  'as well',
];

/**
 * Words that may end a note or a title as well ("organic if possible"): chatter only when set off by a comma or a
 * dash ("the rent is done, finally", "not done yet, sorry").
 */
const SET_OFF_CLOSERS = ['if possible', 'finally', 'sorry', 'at last'];

const TRAILING_FILLER = new RegExp(
  `(?:[\\s,;:-]*\\b(?:${CLOSERS.join('|')})|\\s*[,;–—-]\\s*(?:${SET_OFF_CLOSERS.join('|')}))[\\s.!?]*$`,
  'i',
);
const ANY_TRAILING_FILLER = new RegExp(
  `[\\s,;:–—-]*\\b(?:${[...CLOSERS, ...SET_OFF_CLOSERS].join('|')})[\\s.!?]*$`,
  'i',
);

/**
 * Removes greetings, politeness and fillers around a command ("Could you please delete task 2, thanks!" →
 * "delete task 2"), and trailing sentence punctuation. Returns the original when nothing would be left.
 * `everyCloser`: also the closers that may end a note or a title ("delete task 3 sorry" → "delete task 3"), for
 * commands that write no text.
 */
export function stripPoliteness(text: string, everyCloser = false): string {
  const trailing = everyCloser ? ANY_TRAILING_FILLER : TRAILING_FILLER;
  let out = text.trim();
  for (let i = 0; i < 12; i++) {
    const before = out;
    out = out.replace(LEADING_FILLER, '').replace(trailing, '').trim();
    out = out.replace(/[\s.!?…]+$/u, '').trim();
    if (out === before) break;
  }
  return out.length > 0 ? out : text.trim().replace(/[\s.!?…]+$/u, '');
}
