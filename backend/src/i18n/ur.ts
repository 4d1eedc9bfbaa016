import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

// Guillemets: mirrored by the bidi algorithm, so they face the right way whatever direction the paragraph has
// (curly quotes do not), and at home in Urdu and Persian print. Sentences end in "۔", lists use "،".
const f = new Format({ intl: 'ur', quotes: ['«', '»'], rtl: true });

/** A due date as the tools word it ("Tue 8 Dec") in Urdu ("منگل، 8 دسمبر"), for the offline model's Urdu replies too. */
export const urduDue = (due: string): string => f.due(due);

const task = (id: number | undefined) => (id === undefined ? 'کام' : `کام ${f.id(id)}`);
const titled = (title: string | undefined) => (title ? f.quoteShort(title) : 'کام');
/** "کام 3 «…»", whatever of the two is known. */
function named(title: string | undefined, id: number | undefined): string {
  if (id === undefined) return titled(title);
  return title ? `کام ${f.id(id)} ${f.quote(title)}` : task(id);
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'عنوان',
  description: 'تفصیل',
  priority: 'اہمیت',
  tags: 'ٹیگز',
  due_at: 'آخری تاریخ',
  recurrence: 'دہرانے کا معمول',
  completed: 'حالت',
};

function undoneSentence(c: UndoneItem): string {
  const it = named(c.title, c.taskId);
  if (!c.restored)
    return c.action === 'created'
      ? `${it} پہلے ہی موجود نہیں تھا۔`
      : `${it} کی تبدیلی واپس نہیں لی جا سکی: اس دوران اسے حذف کر دیا گیا تھا۔`;
  switch (c.action) {
    case 'created':
      return `${it} ہٹا دیا گیا، جو شامل کیا گیا تھا۔`;
    case 'deleted':
      return `${it} بحال کر دیا گیا، جو حذف کیا گیا تھا۔`;
    case 'completed': {
      const next =
        c.nextRemoved === undefined ? '' : `، اور اس کا اگلا کام، کام ${f.id(c.nextRemoved)}، ہٹا دیا گیا`;
      return `${it} دوبارہ کھول دیا گیا${next}۔`;
    }
    case 'reopened':
      return `${it} دوبارہ مکمل کر دیا گیا۔`;
    case 'updated':
      return `${it} میں ${f.fields(c.fields, FIELDS, 'تفصیلات')} کی تبدیلی واپس لے لی گئی۔`;
  }
}

const DONE_TO = {
  created: 'شامل کیا گیا',
  deleted: 'حذف کیا گیا',
  completed: 'مکمل کیا گیا',
  reopened: 'دوبارہ کھولا گیا',
  updated: 'میں تبدیلی کی گئی',
} as const;

const PRIORITY = { high: 'زیادہ اہم', medium: 'درمیانی اہمیت', low: 'کم اہم' } as const;

const AGAIN = 'براہِ کرم دوبارہ کوشش کریں۔';

/** Urdu, in Urdu script. */
export const ur: Messages = {
  adding: (title) => `${titled(title)} شامل کیا جا رہا ہے…`,
  lookingUp: (which) =>
    `آپ کے ${which === 'open' ? 'باقی ' : which === 'completed' ? 'مکمل ' : ''}کام دیکھے جا رہے ہیں…`,
  reopening: (id) => `${task(id)} دوبارہ کھولا جا رہا ہے…`,
  markingDone: (id) => `${task(id)} مکمل کیا جا رہا ہے…`,
  rescheduling: (id) => `${task(id)} کی تاریخ بدلی جا رہی ہے…`,
  updating: (id) => `${task(id)} میں تبدیلی کی جا رہی ہے…`,
  deleting: (id) => `${task(id)} حذف کیا جا رہا ہے…`,
  undoing: 'آپ کی آخری تبدیلی واپس لی جا رہی ہے…',
  running: (tool) => `${tool} چلایا جا رہا ہے…`,

  couldNotAdd: (title) => `${titled(title)} شامل نہیں ہو سکا`,
  couldNotList: 'آپ کے کام نہیں دکھائے جا سکے',
  couldNotUndo: 'آپ کی آخری تبدیلی واپس نہیں لی جا سکی',
  couldNotChange: (id) => `${task(id)} میں تبدیلی نہیں ہو سکی`,
  couldNotRun: (tool) => `${tool} نہیں چل سکا`,

  added: (title, id, due) => {
    const what = title
      ? `${f.quoteShort(title)}${id === undefined ? '' : ` کام ${f.id(id)} کے طور پر`}`
      : task(id);
    return `${what} شامل ہو گیا${due ? `، آخری تاریخ ${f.due(due)}` : ''}`;
  },
  found: (count) =>
    count === 0 ? 'کوئی کام نہیں ملا' : f.plural(count, { one: '# کام ملا', other: '# کام ملے' }),
  foundNewest: (total, shown) => `${ur.found(total)}، سب سے نئے ${f.n(shown)} دکھائے جا رہے ہیں`,
  reopened: (title) => `${titled(title)} دوبارہ کھول دیا گیا`,
  completed: (title, nextDue) =>
    `${titled(title)} مکمل ہو گیا${nextDue ? ` — اگلی آخری تاریخ ${f.due(nextDue)}` : ''}`,
  moved: (title, id, due) => `${named(title, id)} کی تاریخ بدل کر ${f.due(due)} کر دی گئی`,
  updated: (title, id) => `${named(title, id)} میں تبدیلی ہو گئی`,
  deleted: (title) => `${titled(title)} حذف کر دیا گیا`,
  nothingToUndo: 'واپس لینے کو کچھ نہیں',
  ran: (tool) => `${tool} چل گیا`,

  listStatus: (done, total, overdue) =>
    `آپ کے کام · ${f.n(total)} میں سے ${f.n(done)} مکمل${overdue ? ` · ${f.n(overdue)} کی تاریخ گزر چکی` : ''}`,
  taskLabel: (id) => task(id),
  dueLabel: (due) => `آخری تاریخ ${f.due(due)}`,
  overdueLabel: (due) => `تاریخ گزر چکی · ${f.due(due)} تھی`,
  priorityLabel: PRIORITY,
  badgeDone: 'مکمل',
  badgeOverdue: 'تاریخ گزر گئی',
  badgeOpen: 'باقی',
  doneButton: 'مکمل کریں',
  reopenButton: 'دوبارہ کھولیں',
  deleteButton: 'حذف کریں',
  confirmDelete: (id) => `${task(id)} حذف کریں؟ ${f.quote('واپس لو')} کہنے سے یہ واپس آ جائے گا۔`,
  yesDelete: 'ہاں، حذف کریں',
  cancel: 'منسوخ کریں',
  noTasksLeft: 'اس لسٹ میں کوئی کام باقی نہیں۔',
  copyDue: (due, overdue) => (overdue ? `تاریخ گزر چکی، ${f.due(due)} تھی` : `آخری تاریخ ${f.due(due)}`),
  copyPriority: (priority) => PRIORITY[priority],
  copyNoTasks: 'کوئی کام نہیں۔',

  undoButton: 'واپس لیں',
  changed: (action, id, title) => `کام ${f.id(id)} ${f.quote(title)} ${DONE_TO[action]}`,
  changedMany: (count) => `${f.n(count)} کاموں میں تبدیلی کی گئی`,
  undone: (items) => `تبدیلی واپس لے لی گئی: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'یہ تبدیلی پہلے ہی واپس لی جا چکی ہے۔',
  undoLaterChange: (ids) =>
    `اس گفتگو میں بعد کی ایک تبدیلی نے کام ${f.list(ids.map((id) => f.id(id)))} کو بھی بدلا ہے: پہلے اسے واپس لیں۔`,
  taskGone: (id) => `${task(id)} اب موجود نہیں۔`,

  failure: {
    max_turns:
      'اس کے لیے ایک جواب میں جتنے قدموں کی اجازت ہے، اس سے زیادہ درکار تھے۔ ایک وقت میں ایک بات کہہ کر دیکھیں۔',
    model_busy:
      'اے آئی ماڈل اس وقت مصروف ہے (بہت زیادہ درخواستیں)۔ براہِ کرم تھوڑی دیر انتظار کر کے دوبارہ کوشش کریں۔',
    model_refused:
      'اے آئی ماڈل نے اس اسسٹنٹ کی رسائی رد کر دی (اس کی کلید، ماڈل یا کوٹا)۔ جب تک اسسٹنٹ کی ترتیبات درست نہ ہوں، دوبارہ کوشش سے فائدہ نہیں ہوگا۔',
    model_unreachable: 'اے آئی ماڈل سے رابطہ نہیں ہو سکا۔ براہِ کرم کچھ دیر بعد دوبارہ کوشش کریں۔',
    model_timeout: `اے آئی ماڈل نے جواب دینے میں بہت دیر لگا دی۔ ${AGAIN}`,
    model_invalid_response: `اے آئی ماڈل نے ایسا جواب بھیجا جو استعمال نہیں ہو سکا۔ ${AGAIN}`,
    model_error: `اسسٹنٹ اس بار جواب نہیں دے سکا۔ ${AGAIN}`,
    tool_error: `اسسٹنٹ اس بار جواب نہیں دے سکا۔ ${AGAIN}`,
    internal: `ہماری طرف کوئی خرابی ہو گئی۔ ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `پچھلے ایک منٹ میں بہت زیادہ پیغامات: اگلا پیغام بھیجنے سے پہلے براہِ کرم ${f.seconds(seconds)} انتظار کریں۔`,
};
