/** Greetings, thanks, help, and bare answers to a question ("yes", "the second one", "task 5"). */
import type { Choice, Intent } from '../intent';
import { NUM } from './vocabulary';
import { ORDINAL_PATTERN, parseNumber, parseOrdinal } from './text-normalize';

export function smallTalk(t: string): Intent | undefined {
  const s = t
    .toLowerCase()
    .replace(/[!?.,]+/g, '')
    .trim();
  if (
    /^(?:help|help me|help please|what can you do|what do you do|what can i (?:do|say|ask)|how does (?:this|it) work|how do i use (?:this|you|it)|how do you work|commands|options|menu|who are you|what are you|instructions|usage|examples?|what (?:can|do) you (?:do|help with|support)|what are your commands|\?*)$/.test(
      s,
    )
  ) {
    return { kind: 'help' };
  }
  if (
    /^(?:hi|hello|hey|hiya|howdy|yo|sup|hola|greetings|good (?:morning|afternoon|evening|day)|what'?s up|how are you|how's it going)(?: there)?(?: (?:bot|assistant|buddy|friend|again))?$/.test(
      s,
    )
  ) {
    return { kind: 'greet' };
  }
  if (
    /^(?:(?:great|awesome|perfect|cool|nice|ok|okay|excellent|wonderful|brilliant|amazing|super|sweet|lovely)\s*)?(?:thanks?(?: you)?(?: so much| very much| a lot)?|thank u|thx|ty|cheers|much appreciated|appreciate it|great job|well done|good job|nice one)$/.test(
      s,
    ) ||
    /^(?:great|awesome|perfect|cool|nice|excellent|wonderful|brilliant|amazing|super|sweet|lovely|good|got it)$/.test(
      s,
    )
  ) {
    return { kind: 'thanks' };
  }
  if (
    /^(?:bye|goodbye|good bye|see you(?: later)?|see ya|cya|later|good night|goodnight|that's all|that is all|nothing else)$/.test(
      s,
    )
  ) {
    return { kind: 'bye' };
  }
  return undefined;
}

export function choice(t: string): Intent | undefined {
  const s = t
    .toLowerCase()
    .replace(/[!?.,]+$/g, '')
    .trim();
  const pick = (c: Choice): Intent => ({ kind: 'choice', choice: c });
  if (
    /^(?:no|nope|nah)\b[,.!]?\s+(?:don't|do not|never ?mind|cancel|stop|keep|leave|thanks|thank you|not)\b/.test(
      s,
    )
  )
    return pick({ by: 'no' });
  if (
    /^(?:yes|yeah|yep|yup|sure|ok|okay)\b[,.!]?\s+(?:please|do it|go ahead|go for it|that's right|thanks|sure)$/.test(
      s,
    )
  )
    return pick({ by: 'yes' });
  if (
    /^(?:no|nope|nah|none|neither|neither of them|neither one|none of them|cancel|never ?mind|forget it|stop|don't|do not|no thanks|no thank you|not now|skip|abort|leave it|keep (?:it|them|both)|n|no way|don't do it|do nothing)$/.test(
      s,
    )
  ) {
    return pick({ by: 'no' });
  }
  if (
    /^(?:yes|yeah|yea|yep|yup|sure|ok|okay|k|y|confirm|confirmed|do it|go ahead|please do|correct|right|that's right|that one|exactly|yes please|yes do it|sure thing|absolutely|of course|affirmative|yes,? (?:delete|remove|add|do) (?:it|them|all|all of them|everything))$/.test(
      s,
    )
  ) {
    return pick({ by: 'yes' });
  }
  if (
    /^(?:both|all|all of them|both of them|each|every one|everything|all three|all of those|all those|the whole lot)$/.test(
      s,
    )
  ) {
    return pick({ by: 'all' });
  }
  let m = new RegExp(`^(?:the )?(${ORDINAL_PATTERN})(?: one| task| item| todo| option| entry)?$`).exec(s);
  if (m) {
    const n = parseOrdinal(m[1]);
    if (n !== undefined) return pick({ by: 'ordinal', n });
  }
  m = new RegExp(`^(?:task|todo|item) ?#? ?(${NUM})$|^#\\s*(\\d+)$`).exec(s);
  if (m) {
    const id = parseNumber(m[1] ?? m[2]);
    if (id !== undefined) return pick({ by: 'id', id });
  }
  m = new RegExp(`^(?:number|no\\.?|nr\\.?|option|choice|num)? ?#? ?(${NUM})(?: one| please)?$`).exec(s);
  if (m) {
    const n = parseNumber(m[1]);
    if (n !== undefined) return pick({ by: 'number', n });
  }
  return undefined;
}
