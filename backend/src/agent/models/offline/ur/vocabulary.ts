/**
 * Urdu words the rules share, in Urdu script and in Roman Urdu (with the spellings people type: "karo", "kro",
 * "kar do", "kardo"). Patterns read the normalized text (normalize.ts): lower case, single spaces, Urdu letters.
 */

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One group of alternatives, longest first; a space inside an entry also matches no space ("kar do", "kardo",
 * "کردو").
 */
export function oneOf(...entries: string[]): string {
  const sorted = [...new Set(entries)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((e) => e.split(' ').map(escape).join('\\s*')).join('|')})`;
}

/** A letter, mark or digit of any script: what a word is made of (JavaScript's \b only knows ASCII). */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
export const WORD_START = `(?<!${WORD_CHAR})`;
export const WORD_END = `(?!${WORD_CHAR})`;

/** A pattern over a whole (normalized) message: anchored, Unicode, case-insensitive. */
export function whole(pattern: string): RegExp {
  return new RegExp(`^${pattern}$`, 'iu');
}

// ---------------------------------------------------------------------------------------------------------
// Nouns, pronouns, postpositions

export const TASK_NOUN = oneOf(
  'task',
  'tasks',
  'kaam',
  'kam',
  'todo',
  'to do',
  'item',
  'ٹاسک',
  'کام',
  'ٹو ڈو',
);
export const LIST_NOUN = oneOf(
  'list',
  'fehrist',
  'todo list',
  'to do list',
  'task list',
  'tasks',
  'لسٹ',
  'فہرست',
  'ٹو ڈو لسٹ',
);
export const MY = oneOf(
  'meri',
  'mera',
  'mere',
  'apni',
  'apna',
  'apne',
  'میری',
  'میرا',
  'میرے',
  'اپنی',
  'اپنا',
  'اپنے',
);
export const ALL = oneOf(
  'saari',
  'saare',
  'sare',
  'sari',
  'saray',
  'sab',
  'sabhi',
  'tamam',
  'tamaam',
  'سارے',
  'ساری',
  'سب',
  'سبھی',
  'تمام',
);
export const IN = oneOf('mein', 'me', 'main', 'mai', 'men', 'میں');
export const FROM = oneOf('se', 'sy', 'سے');
export const KO = oneOf('ko', 'کو');
export const OF = oneOf('ka', 'ki', 'ke', 'کا', 'کی', 'کے');
/** "hai", "hain": is, are (and the auxiliary at the end of a sentence). */
export const AUX = oneOf('hai', 'hain', 'he', 'hy', 'ہے', 'ہیں');
/** "wala", "wali": the one (about) — "the milk one". */
export const WALA = oneOf('wala', 'wali', 'wale', 'waala', 'waali', 'waale', 'walay', 'والا', 'والی', 'والے');
export const NUMBER_WORD = oneOf('number', 'nambar', 'no', 'نمبر');
export const NAME = oneOf('naam', 'name', 'title', 'unwan', 'unwaan', 'نام', 'عنوان', 'ٹائٹل');
export const DUE_NOUN = oneOf(
  'date',
  'tareekh',
  'tarikh',
  'due date',
  'deadline',
  'aakhri tareekh',
  'تاریخ',
  'ڈیڈ لائن',
  'آخری تاریخ',
  'ڈیو ڈیٹ',
);
export const QUESTION_WORD = oneOf(
  'kya',
  'kia',
  'kaun',
  'kon',
  'kaunse',
  'konse',
  'kab',
  'kitne',
  'کیا',
  'کون',
  'کونسے',
  'کب',
  'کتنے',
);

// ---------------------------------------------------------------------------------------------------------
// Verbs: a request ("karo", "kar do", "kijiye") after a noun or a stem

/** "karo", "kar do", "kar dein", "kijiye", "کرو", "کر دو", "کریں": do it. */
export const DO = oneOf(
  'kar do',
  'karo',
  'kro',
  'kr do',
  'kar dein',
  'kar den',
  'kar dain',
  'karein',
  'karen',
  'karain',
  'kar dena',
  'kijiye',
  'kijie',
  'kijiyega',
  'kar dijiye',
  'kar dijie',
  'kar lo',
  'kr lo',
  'kar lein',
  'kar len',
  'کر دو',
  'کرو',
  'کر دیں',
  'کریں',
  'کیجیے',
  'کیجئے',
  'کیجیئے',
  'کر دیجیے',
  'کر دیجئے',
  'کر لو',
  'کر لیں',
  'کر دینا',
);
/** After a stem: "(mita) do", "(daal) dein", "(ہٹا) دو". */
export const GIVE = oneOf(
  'do',
  'dein',
  'den',
  'dain',
  'dena',
  'dijiye',
  'dijie',
  'دو',
  'دیں',
  'دینا',
  'دیجیے',
  'دیجئے',
);
/** After a stem: "(likh) lo", "(لکھ) لیں". */
export const TAKE = oneOf('lo', 'lein', 'len', 'lena', 'lijiye', 'لو', 'لیں', 'لینا', 'لیجیے');

export const SHOW = oneOf(
  'dikhao',
  'dikhaao',
  'dikha do',
  'dikha dein',
  'dikhayen',
  'dikhaen',
  'dikhaein',
  'dikhain',
  'dikhaiye',
  'dikhaye',
  'dekhao',
  'batao',
  'bata do',
  'bata dein',
  'bataen',
  'bataiye',
  'batayen',
  'show karo',
  'show kar do',
  'show karein',
  'list karo',
  'دکھاؤ',
  'دکھاو',
  'دکھا دو',
  'دکھا دیں',
  'دکھائیں',
  'دکھائیے',
  'دکھایئے',
  'بتاؤ',
  'بتاو',
  'بتا دو',
  'بتا دیں',
  'بتائیں',
  'بتائیے',
);

/** "add karo", "shamil kar do", "daal do", "likh lo", "yaad rakhna", "شامل کرو", "ڈال دو", "لکھ لو". */
export const ADD_VERB = `(?:${oneOf('add', 'shamil', 'shaamil', 'save', 'note', 'jama', 'ایڈ', 'شامل', 'سیو', 'نوٹ')}\\s*${DO}|${oneOf('daal', 'dal', 'likh', 'ڈال', 'لکھ')}\\s*(?:${GIVE}|${TAKE})|${oneOf('daalo', 'dalo', 'likho', 'ڈالو', 'لکھو')}|${oneOf('yaad rakhna', 'yaad rakho', 'yaad dilana', 'yaad dila dena', 'yaad kara dena', 'یاد رکھنا', 'یاد رکھو', 'یاد دلانا', 'یاد دلا دینا')})`;
/** "(meri) list mein", "لسٹ میں": where a new task goes. */
export const INTO_LIST = `(?:(?:${MY}\\s+)?${LIST_NOUN}\\s*${IN})`;

/** "delete karo", "mita do", "hatao", "nikal do", "مٹا دو", "ہٹاؤ". */
export const DELETE_VERB = `(?:${oneOf('delete', 'remove', 'erase', 'cancel', 'ڈیلیٹ', 'ریموو', 'کینسل')}\\s*${DO}|${oneOf('mita', 'mitaa', 'hata', 'hataa', 'nikal', 'nikaal', 'مٹا', 'ہٹا', 'نکال')}\\s*${GIVE}|${oneOf('mitao', 'mitaao', 'hatao', 'hataao', 'nikalo', 'nikaalo', 'مٹاؤ', 'مٹاو', 'ہٹاؤ', 'ہٹاو', 'نکالو')})`;
/** "(meri) list se", "لسٹ سے": where a task is taken from. */
export const FROM_LIST = `(?:(?:${MY}\\s+)?${LIST_NOUN}\\s*${FROM})`;

/** Done, as a word: "mukammal", "complete", "done", "مکمل". */
export const DONE_WORD = oneOf(
  'mukammal',
  'complete',
  'done',
  'khatam',
  'poora',
  'pura',
  'finish',
  'مکمل',
  'ختم',
  'پورا',
  'ڈن',
  'کمپلیٹ',
);
/** "mukammal karo", "done mark kar do", "tick laga do", "مکمل کر دو". */
export const COMPLETE_VERB = `(?:${DONE_WORD}\\s*(?:${oneOf('mark', 'مارک')}\\s*)?${DO}|${oneOf('tick', 'nishan', 'ٹک', 'نشان')}\\s*${oneOf('laga', 'لگا')}\\s*${GIVE})`;
/** "ho gaya", "mukammal ho gaya", "kar liya", "مکمل ہو گیا": it is done. */
export const DONE_STATE = `(?:(?:${DONE_WORD}\\s*)?${oneOf('ho gaya', 'ho gayi', 'ho gai', 'ho gaye', 'ho gya', 'ho gyi', 'ho gye', 'ho chuka', 'ho chuki', 'ho chuke', 'ہو گیا', 'ہو گئی', 'ہو گئے', 'ہو چکا', 'ہو چکی', 'ہو چکے')}|${oneOf('kar liya', 'kar li', 'kar liye', 'kar diya', 'kar di', 'kar diye', 'kr liya', 'kr diya', 'کر لیا', 'کر لی', 'کر لیے', 'کر دیا', 'کر دی', 'کر دیے')}|${oneOf('mukammal', 'مکمل')})(?:\\s+${AUX})?`;
/** Past light verbs: "(le) liya", "(bhej) di", "(خرید) لیا" — something was done. */
export const DID = oneOf(
  'liya',
  'li',
  'liye',
  'lia',
  'diya',
  'di',
  'diye',
  'dia',
  'لیا',
  'لی',
  'لیے',
  'دیا',
  'دی',
  'دیے',
);
/** "maine", "میں نے": I (did). */
export const I_DID = oneOf('maine', 'main ne', 'mein ne', 'mainey', 'میں نے', 'ہم نے', 'humne', 'hum ne');

/** Still to do, as a word: "baqi", "pending", "adhoora", "نامکمل". */
export const PENDING_WORD = oneOf(
  'baqi',
  'baaqi',
  'baki',
  'baaki',
  'pending',
  'adhoore',
  'adhure',
  'adhoora',
  'adhura',
  'namukammal',
  'na mukammal',
  'incomplete',
  'undone',
  'باقی',
  'نامکمل',
  'نا مکمل',
  'ادھورے',
  'ادھورا',
  'پینڈنگ',
);
/** "dobara kholo", "phir se pending kar do", "reopen karo", "دوبارہ کھولو", "واپس باقی میں ڈال دو". */
export const REOPEN_VERB = `(?:(?:${oneOf('dobara', 'dubara', 'doobara', 'phir se', 'phir', 'wapas', 'دوبارہ', 'پھر سے', 'پھر', 'واپس')}\\s+)?(?:${oneOf('kholo', 'khol do', 'khol dein', 'kholein', 'open karo', 'open kar do', 'کھولو', 'کھول دو', 'کھول دیں', 'اوپن کرو')}|${PENDING_WORD}\\s*(?:${IN}\\s*)?(?:${DO}|${oneOf('daal do', 'dal do', 'daalo', 'dalo', 'ڈال دو', 'ڈالو')})|${oneOf('reopen', 'ری اوپن')}\\s*${DO}))`;
/** "abhi nahi hua", "abhi baqi hai", "ابھی نہیں ہوا": it is not done. */
export const NOT_DONE_STATE = `(?:(?:${oneOf('abhi', 'ab tak', 'abhi tak', 'ابھی', 'اب تک', 'ابھی تک')}\\s+)?(?:${oneOf('nahi', 'nahin', 'nai', 'نہیں')}\\s+${oneOf('hua', 'hui', 'huwa', 'huay', 'hue', 'howa', 'ہوا', 'ہوئی', 'ہوئے')}|${PENDING_WORD})(?:\\s+${AUX})?)`;

/** "badal kar", "change kar ke", "تبدیل کر کے": changing it (into). */
export const CHANGING = `(?:${oneOf('badal', 'badl', 'change', 'tabdeel', 'rename', 'بدل', 'تبدیل', 'چینج')}\\s*(?:${oneOf('kar', 'کر')}\\s*)?${oneOf('kar', 'ke', 'kay', 'کر', 'کے')})`;
/** "badal do", "badlo", "tabdeel karo", "بدل دو": change it. */
export const CHANGE_VERB = `(?:${oneOf('badal', 'بدل')}\\s*${GIVE}|${oneOf('badlo', 'badlein', 'badlen', 'بدلو', 'بدلیں')}|${oneOf('tabdeel', 'change', 'rename', 'تبدیل', 'چینج')}\\s*${DO})`;
/** "kar do", "rakh do", "rakho", "likh do", "رکھ دو": make it (the new value). */
export const SET_VERB = `(?:${DO}|${oneOf('rakh', 'likh', 'رکھ', 'لکھ')}\\s*${GIVE}|${oneOf('rakho', 'rakhen', 'rakhein', 'likho', 'رکھو', 'رکھیں', 'لکھو')})`;
/** "move karo", "shift kar do", "kar do", "rakh do", "منتقل کر دو": put it (on a day). */
export const MOVE_VERB = `(?:${oneOf('move', 'shift', 'postpone', 'muntaqil', 'منتقل', 'شفٹ', 'موو')}\\s*${DO}|${SET_VERB}|${oneOf('daal', 'dal', 'ڈال')}\\s*${GIVE}|${oneOf('daalo', 'ڈالو')})`;

/** Words of a request said around a command: "please", "zara", "مہربانی کر کے". */
export const POLITE_START = oneOf(
  'please',
  'plz',
  'pls',
  'zara',
  'meherbani kar ke',
  'meherbani karke',
  'meharbani kar ke',
  'barae meherbani',
  'baraye meherbani',
  'bhai',
  'yaar',
  'yar',
  'ji',
  'jee',
  'براہ کرم',
  'برائے مہربانی',
  'مہربانی کر کے',
  'ذرا',
  'پلیز',
  'بھائی',
  'یار',
  'جی',
);
export const POLITE_END = oneOf(
  'please',
  'plz',
  'pls',
  'na',
  'ji',
  'jee',
  'yaar',
  'yar',
  'bhai',
  'shukriya',
  'shukria',
  'پلیز',
  'نا',
  'جی',
  'یار',
  'بھائی',
  'شکریہ',
);
