/** Greetings, thanks, help, and bare answers to a question in Urdu: "ہاں", "nahi rehne do", "doosra wala", "2". */
import type { Choice, Intent } from '../intent';
import { ORDINAL_WORD, parseTarget } from './targets';
import { oneOf, TASK_NOUN, whole } from './vocabulary';

const GREET = whole(
  `(?:${oneOf('assalam o alaikum', 'assalam u alaikum', 'assalamualaikum', 'asalam o alaikum', 'asalamualaikum', 'salam alaikum', 'salam', 'salaam', 'aoa', 'adaab', 'aadab', 'السلام علیکم', 'سلام', 'آداب', 'ہیلو', 'ہائے')})(?:\\s+${oneOf('ji', 'jee', 'bhai', 'جی', 'بھائی')})?`,
);
const THANKS = whole(
  `(?:${oneOf('bohat', 'bahut', 'boht', 'بہت')}\\s+)?${oneOf('shukriya', 'shukria', 'shukriyah', 'meherbani', 'jazakallah', 'jazak allah', 'شکریہ', 'مہربانی', 'جزاک اللہ')}(?:\\s+${oneOf('ji', 'jee', 'bhai', 'جی', 'بھائی')})?`,
);
const BYE = whole(
  `${oneOf('khuda hafiz', 'khudahafiz', 'allah hafiz', 'allahafiz', 'fi amanillah', 'خدا حافظ', 'اللہ حافظ', 'فی امان اللہ')}(?:\\s+${oneOf('ji', 'jee', 'جی')})?`,
);
const HELP = whole(
  `(?:${oneOf('madad', 'help', 'مدد')}(?:\\s+${oneOf('karo', 'kar do', 'chahiye', 'کرو', 'کر دو', 'چاہیے')})?|(?:${oneOf('tum', 'aap', 'ap', 'تم', 'آپ')}\\s+)?${oneOf('kya', 'کیا')}\\s+${oneOf('kar sakte ho', 'kar sakte hain', 'kar sakti ho', 'کر سکتے ہو', 'کر سکتے ہیں')})`,
);

const YES = whole(
  `(?:${oneOf('haan', 'han', 'haa', 'haanji', 'haan ji', 'ji haan', 'jee haan', 'ji', 'jee', 'bilkul', 'theek hai', 'thik hai', 'theek', 'sahi', 'durust', 'zaroor', 'ہاں', 'ہاں جی', 'جی ہاں', 'جی', 'بالکل', 'ٹھیک ہے', 'صحیح', 'درست', 'ضرور')})(?:\\s*,?\\s*${oneOf('kar do', 'karo', 'mita do', 'add karo', 'please', 'کر دو', 'کرو', 'مٹا دو')})?`,
);
const NO = whole(
  `(?:${oneOf('nahi', 'nahin', 'nai', 'nahi ji', 'ji nahi', 'ji nahin', 'نہیں', 'جی نہیں', 'نہیں جی')}(?:\\s*,?\\s*)?)?(?:${oneOf('rehne do', 'rahne do', 'mat karo', 'mat', 'chhodo', 'chodo', 'chhod do', 'chor do', 'cancel karo', 'cancel', 'رہنے دو', 'مت کرو', 'چھوڑو', 'چھوڑ دو', 'کینسل کرو')})?`,
);
const ALL = whole(
  `${oneOf('dono', 'donon', 'dono ko', 'sab', 'sab ko', 'sabhi', 'saare', 'دونوں', 'دونوں کو', 'سب', 'سب کو', 'سارے')}(?:\\s+${oneOf('kar do', 'karo', 'کر دو', 'کرو')})?`,
);
const ORDINAL = whole(
  `${ORDINAL_WORD}(?:\\s+${oneOf('wala', 'wali', 'والا', 'والی')})?(?:\\s+${TASK_NOUN})?`,
);
const ID = whole(`${TASK_NOUN}\\s*(?:${oneOf('number', 'nambar', 'نمبر')}\\s*)?#?\\s*(\\d{1,9})`);
const NUMBER = whole(
  `(?:${oneOf('number', 'nambar', 'نمبر')}\\s*)?#?\\s*(\\d{1,9})(?:\\s*${oneOf('number', 'nambar', 'نمبر')})?(?:\\s+${oneOf('wala', 'wali', 'والا', 'والی')})?`,
);

export function smallTalk(t: string): Intent | undefined {
  const s = t.replace(/[!?.,]+/g, '').trim();
  if (HELP.test(s)) return { kind: 'help' };
  if (GREET.test(s)) return { kind: 'greet' };
  if (THANKS.test(s)) return { kind: 'thanks' };
  if (BYE.test(s)) return { kind: 'bye' };
  return undefined;
}

export function choice(t: string): Intent | undefined {
  const s = t.replace(/[!?.,]+$/g, '').trim();
  const pick = (c: Choice): Intent => ({ kind: 'choice', choice: c });
  if (s === '') return undefined;
  if (NO.test(s)) return pick({ by: 'no' });
  if (YES.test(s)) return pick({ by: 'yes' });
  if (ALL.test(s)) return pick({ by: 'all' });
  if (ORDINAL.test(s)) {
    const target = parseTarget(s);
    if (target?.by === 'ordinal') return pick({ by: 'ordinal', n: target.n });
  }
  let m = ID.exec(s);
  if (m) return pick({ by: 'id', id: Number(m[1]) });
  m = NUMBER.exec(s);
  if (m) return pick({ by: 'number', n: Number(m[1]) });
  return undefined;
}
