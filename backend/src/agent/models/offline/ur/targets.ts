/**
 * The object of an Urdu command: "task 3", "کام 2 اور 4", "ise" / "اسے" (it), "dono" (both), "doosra wala" (the
 * second one), "sab" (everything), "doodh wala kaam" / "دودھ والا کام" (the milk task).
 */
import type { Action, Intent, Target } from '../intent';
import { normalize } from './normalize';
import { ALL, FROM_LIST, KO, MY, NUMBER_WORD, OF, oneOf, TASK_NOUN, WALA, whole } from './vocabulary';

const ORDINALS = new Map<string, number>(
  Object.entries({
    1: ['pehla', 'pehli', 'pehle', 'pehlay', 'pahla', 'pahli', 'پہلا', 'پہلی', 'پہلے'],
    2: ['doosra', 'doosri', 'doosre', 'dusra', 'dusri', 'dusre', 'دوسرا', 'دوسری', 'دوسرے'],
    3: ['teesra', 'teesri', 'teesre', 'tisra', 'tisri', 'تیسرا', 'تیسری', 'تیسرے'],
    4: ['chautha', 'chauthi', 'chotha', 'chothi', 'چوتھا', 'چوتھی', 'چوتھے'],
    5: ['paanchwan', 'paanchvan', 'panchwan', 'paanchwi', 'پانچواں', 'پانچویں'],
    '-1': ['aakhri', 'akhri', 'aakhiri', 'last', 'آخری'],
  }).flatMap(([n, words]) => words.map((w) => [w, Number(n)] as const)),
);
export const ORDINAL_WORD = oneOf(...ORDINALS.keys());

/** "2", "۲" (normalized), "#2". */
const NUM = '#?\\s*\\d{1,9}';
const AND = oneOf('aur', 'or', 'اور', ',', '&');

const FOCUS = whole(
  `${oneOf('ise', 'isay', 'isse', 'ise bhi', 'is', 'iss', 'ye', 'yeh', 'yehi', 'yahi', 'wo', 'woh', 'wohi', 'wahi', 'use', 'usay', 'us', 'uss', 'یہ', 'یہی', 'اسے', 'اس', 'وہ', 'وہی', 'اُسے', 'اُس')}(?:\\s+${WALA})?(?:\\s+${TASK_NOUN})?`,
);
const THEM = whole(
  oneOf(
    'inhein',
    'inhen',
    'inhe',
    'unhein',
    'unhen',
    'in',
    'un',
    'in sab',
    'un sab',
    'dono',
    'donon',
    'ye sab',
    'yeh sab',
    'ye dono',
    'yeh dono',
    'انہیں',
    'ان',
    'ان سب',
    'اُن سب',
    'دونوں',
    'یہ سب',
    'یہ دونوں',
  ),
);
const EVERYTHING = whole(
  `(?:${ALL}(?:\\s+${oneOf('kuch', 'کچھ')})?(?:\\s+${TASK_NOUN})?|${ALL}\\s+${TASK_NOUN})`,
);
const ORDINAL = whole(`(?:${ORDINAL_WORD})(?:\\s+${WALA})?(?:\\s+${TASK_NOUN})?`);
const IDS = whole(
  `(?:${TASK_NOUN}\\s*)?(?:${NUMBER_WORD}\\s*)?(${NUM}(?:\\s*${AND}\\s*(?:${TASK_NOUN}\\s*)?${NUM})*)(?:\\s*${NUMBER_WORD})?(?:\\s+${WALA})?(?:\\s+${TASK_NOUN})?`,
);

/** Parses the object of a command, in either script. */
export function parseTarget(raw: string): Target | undefined {
  let s = normalize(raw)
    .text.replace(/[?.!,;:]+$/u, '')
    .trim();
  s = s
    .replace(new RegExp(`^${MY}\\s+`, 'iu'), '')
    .replace(new RegExp(`\\s+${FROM_LIST}$`, 'iu'), '')
    .replace(new RegExp(`\\s+${KO}$`, 'iu'), '')
    .trim();
  if (s === '') return { by: 'unspecified' };
  if (FOCUS.test(s)) return { by: 'focus' };
  if (THEM.test(s)) return { by: 'them' };
  if (EVERYTHING.test(s)) return { by: 'everything' };
  const ordinal = ORDINAL.exec(s);
  if (ordinal) {
    const n = ORDINALS.get(s.split(' ')[0]);
    if (n !== undefined) return { by: 'ordinal', n };
  }
  const ids = IDS.exec(s);
  if (ids) {
    const list = [...new Set((ids[1].match(/\d+/g) ?? []).map(Number))];
    if (list.length > 0) return { by: 'ids', ids: list };
  }
  // "doodh wala kaam", "دودھ کا کام", "task doodh": the words of the title.
  const query = s
    .replace(new RegExp(`\\s+${WALA}(?:\\s+${TASK_NOUN})?$`, 'iu'), '')
    .replace(new RegExp(`\\s+${OF}\\s+${TASK_NOUN}$`, 'iu'), '')
    .replace(new RegExp(`\\s+${TASK_NOUN}$`, 'iu'), '')
    .replace(new RegExp(`^${TASK_NOUN}\\s+`, 'iu'), '')
    .trim();
  if (query === '' || new RegExp(`^${TASK_NOUN}$`, 'iu').test(query)) return { by: 'unspecified' };
  return { by: 'words', query };
}

export function act(action: Action, targetText: string | undefined): Intent | undefined {
  const target = targetText === undefined ? { by: 'unspecified' as const } : parseTarget(targetText);
  return target ? { kind: 'act', action, target } : undefined;
}

/** "doodh aur kiraya", "دودھ، کرایہ اور بل": the names in a list of tasks. */
export function splitNames(words: string): string[] {
  return normalize(words)
    .text.split(
      new RegExp(
        `\\s*,\\s*(?:${oneOf('aur', 'ya', 'اور', 'یا')}\\s+)?|\\s+${oneOf('aur', 'ya', 'اور', 'یا')}\\s+`,
        'iu',
      ),
    )
    .map((p) => p.trim())
    .filter(Boolean);
}

const PARTS_OF_DAY: ReadonlyArray<readonly [RegExp, number, number]> = [
  [
    new RegExp(
      `(?<![\\p{L}\\p{M}])${oneOf('subah', 'subha', 'صبح')}(?:\\s+${WALA})?(?![\\p{L}\\p{M}])`,
      'iu',
    ),
    0,
    12,
  ],
  [
    new RegExp(
      `(?<![\\p{L}\\p{M}])${oneOf('dopahar', 'dopehar', 'دوپہر')}(?:\\s+${WALA})?(?![\\p{L}\\p{M}])`,
      'iu',
    ),
    12,
    17,
  ],
  [
    new RegExp(
      `(?<![\\p{L}\\p{M}])${oneOf('shaam', 'sham', 'raat', 'شام', 'رات')}(?:\\s+${WALA})?(?![\\p{L}\\p{M}])`,
      'iu',
    ),
    17,
    24,
  ],
];

/** "subah wale kaam" (the morning tasks): the hours of the part of the day, and the words without it. */
export function partOfDayIn(words: string): { from: number; to: number; rest: string } | undefined {
  for (const [re, from, to] of PARTS_OF_DAY) {
    const m = re.exec(words);
    if (!m) continue;
    const rest = (words.slice(0, m.index) + words.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
    return { from, to, rest: new RegExp(`^(?:${TASK_NOUN})?$`, 'iu').test(rest) ? '' : rest };
  }
  return undefined;
}

/** Urdu plurals are not told apart by a letter: a name is taken as one task ("sab" names them all). */
export function isPluralName(_words: string): boolean {
  return false;
}
