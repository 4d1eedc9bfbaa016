/**
 * Every sentence the offline assistant says in Urdu script, the same facts as English's (en/replies.ts, the
 * contract): short, naming task numbers and titles. Titles are shown as the person wrote them; due dates in Urdu
 * (the task list's words), repeats in the words the tools give.
 */
import { urduDue } from '../../../../i18n/ur';
import type { Action, FieldChange, ListFilter, NewTask, StateQuestion } from '../intent';
import type {
  ChangedTask,
  StatusFilter,
  TaskDetails,
  TaskRef,
  TaskView,
  ToolName,
  UndoneView,
} from '../tool-contract';

export const q = (text: string): string => `“${text}”`;

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:۔؟]$/u.test(t) ? t : `${t}۔`;
}

const PRIORITY: Readonly<Record<string, string>> = {
  high: 'زیادہ اہم',
  medium: 'درمیانی اہمیت',
  low: 'کم اہم',
};

/** "آخری تاریخ Fri 12 Dec"، "زیادہ اہم"، "#home"، "دہرایا جاتا ہے: every month". */
export function detailParts(d: TaskDetails | undefined): string[] {
  if (!d) return [];
  const parts: string[] = [];
  if (d.due) parts.push(d.overdue ? `تاریخ گزر چکی، ${urduDue(d.due)} تھی` : `آخری تاریخ ${urduDue(d.due)}`);
  if (d.priority) parts.push(PRIORITY[d.priority] ?? d.priority);
  if (d.tags?.length) parts.push(d.tags.map((t) => `#${t}`).join(' '));
  if (d.repeats) parts.push(`دہرایا جاتا ہے: ${d.repeats}`);
  return parts;
}

function detailsSuffix(d: TaskDetails | undefined): string {
  const parts = detailParts(d);
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** "○ 1. دودھ خریدنا (آخری تاریخ Thu 10 Dec)" / "✓ 3. امی کو فون کرنا". */
export function taskLine(task: TaskView): string {
  const mark = task.completed ? '✓' : task.details?.overdue ? '⚠' : '○';
  const description = task.description ? ` — ${task.description}` : '';
  return `${mark} ${task.id}. ${task.title}${description}${detailsSuffix(task.details)}`;
}

function named(task: TaskRef): string {
  return task.title ? `کام ${task.id} ${q(task.title)}` : `کام ${task.id}`;
}

export function taskBullet(task: TaskRef): string {
  return `• کام ${task.id}: ${q(task.title)}${task.completed ? ' (مکمل)' : ''}`;
}

const lines = (tasks: readonly TaskView[]): string => tasks.map(taskLine).join('\n');

export function listReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  if (total !== undefined && total > tasks.length && tasks.length > 0) {
    const which = status === 'pending' ? 'باقی کام' : status === 'completed' ? 'مکمل کام' : 'کام';
    return `آپ کے ${total} ${which} ہیں؛ یہ سب سے نئے ${tasks.length} ہیں:\n${lines(tasks)}`;
  }
  if (tasks.length === 0) {
    if (status === 'pending') return 'کوئی کام باقی نہیں — سب ہو گیا! 🎉';
    if (status === 'completed') return 'آپ نے ابھی تک کوئی کام مکمل نہیں کیا۔';
    return 'آپ کی لسٹ خالی ہے۔ کہیں: “دودھ خریدنا لسٹ میں ڈال دو”۔';
  }
  if (status === 'pending') return `آپ کے ${tasks.length} کام باقی ہیں:\n${lines(tasks)}`;
  if (status === 'completed') return `آپ ${tasks.length} کام مکمل کر چکے ہیں:\n${lines(tasks)}`;
  const done = tasks.filter((t) => t.completed).length;
  return `آپ کے ${tasks.length} کام ہیں (${tasks.length - done} باقی، ${done} مکمل):\n${lines(tasks)}`;
}

export function countReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  const n = total !== undefined && total > tasks.length ? total : tasks.length;
  if (status === 'pending') return n === 0 ? 'کوئی کام باقی نہیں۔ 🎉' : `آپ کے ${n} کام باقی ہیں۔`;
  if (status === 'completed') return `آپ ${n} کام مکمل کر چکے ہیں۔`;
  if (total !== undefined && total > tasks.length) return `آپ کے ${n} کام ہیں۔`;
  const done = tasks.filter((t) => t.completed).length;
  return `آپ کے ${n} کام ہیں: ${n - done} باقی اور ${done} مکمل۔`;
}

export function allDoneReply(pending: readonly TaskView[], total?: number): string {
  const n = total !== undefined && total > pending.length ? total : pending.length;
  if (n === 0) return 'جی ہاں — سب کچھ ہو گیا۔ 🎉';
  return `ابھی نہیں — آپ کے ${n} کام باقی ہیں:\n${lines(pending)}`;
}

export function searchReply(query: string, found: readonly TaskView[], total?: number): string {
  const among = total !== undefined ? ` (آپ کے ${total} میں سے نئے کاموں میں)` : '';
  if (found.length === 0) return `${q(query)} سے ملتا کوئی کام نہیں ملا${among}۔`;
  return `${q(query)} سے ملتے ${found.length} کام ملے${among}:\n${lines(found)}`;
}

export function stateAnswerReply(task: TaskView, ask: StateQuestion): string {
  const title = `کام ${task.id} ${q(task.title)}`;
  if (ask === 'due') {
    const due = task.details?.due && urduDue(task.details.due);
    if (!due) return `${title} کی کوئی آخری تاریخ نہیں${task.completed ? '، اور یہ مکمل ہو چکا ہے۔ ✓' : '۔'}`;
    if (task.completed) return `${title} کی آخری تاریخ ${due} تھی، اور یہ مکمل ہو چکا ہے۔ ✓`;
    return task.details?.overdue
      ? `${title} کی آخری تاریخ ${due} تھی — وقت گزر چکا ہے۔`
      : `${title} کی آخری تاریخ ${due} ہے۔`;
  }
  const answer =
    ask === 'done'
      ? task.completed
        ? `جی ہاں — کام ${task.id} مکمل ہو چکا ہے۔`
        : `نہیں — کام ${task.id} ابھی مکمل نہیں ہوا۔`
      : task.completed
        ? `نہیں — کام ${task.id} پہلے ہی مکمل ہو چکا ہے۔`
        : `جی ہاں — کام ${task.id} ابھی باقی ہے۔`;
  return `${answer}\n${showReply(task)}`;
}

export function showReply(task: TaskView): string {
  const state = task.completed ? '✓ مکمل' : '○ باقی';
  const notes = task.description ? `\nتفصیل: ${task.description}` : '';
  const details = detailParts(task.details);
  const more = details.length ? `\n${details.join(' · ')}۔` : '';
  return `کام ${task.id}: ${q(task.title)} — ${state}۔${notes}${more}`;
}

export function addedReply(
  created: ReadonlyArray<{ id: number; title: string; description?: string; details?: TaskDetails }>,
): string {
  if (created.length === 1) {
    const t = created[0];
    return `کام ${t.id} شامل کر دیا: ${q(t.title)}${t.description ? ` — ${t.description}` : ''}${detailsSuffix(t.details)}۔`;
  }
  return `${created.length} کام شامل کر دیے:\n${created.map((t) => `• کام ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
}

export function nextOccurrenceReply(next: ChangedTask): string {
  const due = next.details?.due ? `، آخری تاریخ ${urduDue(next.details.due)}` : '';
  return `یہ کام دہرایا جاتا ہے، اس لیے اگلا شامل کر دیا: کام ${next.taskId} ${q(next.title)}${due}۔`;
}

export function fieldsChangedReply(tasks: readonly ChangedTask[], change: FieldChange): string {
  if (tasks.length > 1) {
    const head =
      change.due && change.due !== 'none'
        ? `${tasks.length} کاموں کی تاریخ بدل دی:`
        : `${tasks.length} کام بدل دیے:`;
    return `${head}\n${tasks.map((t) => `• کام ${t.taskId}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
  }
  const t = tasks[0];
  const name = `کام ${t.taskId} ${q(t.title)}`;
  const d = t.details ?? {};
  const said: string[] = [];
  if (change.due === 'none') said.push(`${name} کی آخری تاریخ ہٹا دی۔`);
  else if (change.due !== undefined)
    said.push(
      `${name} کی آخری تاریخ ${d.due ? urduDue(d.due) : change.due} کر دی${d.overdue ? ' (یہ وقت گزر چکا ہے)' : ''}۔`,
    );
  if (change.priority === 'none') said.push(`${name} کی اہمیت ہٹا دی۔`);
  else if (change.priority) said.push(`${name} اب ${PRIORITY[change.priority]} ہے۔`);
  if (change.addTags?.length)
    said.push(`${name} پر ${change.addTags.map((x) => `#${x}`).join(' ')} لگا دیا۔`);
  if (change.removeTags?.length)
    said.push(`${name} سے ${change.removeTags.map((x) => `#${x}`).join(' ')} ہٹا دیا۔`);
  if (change.recurrence === 'none') said.push(`${name} اب نہیں دہرایا جائے گا۔`);
  else if (change.recurrence !== undefined)
    said.push(
      `${name} اب دہرایا جائے گا: ${d.repeats ?? change.recurrence}${d.due ? `، اگلی تاریخ ${urduDue(d.due)}` : ''}۔`,
    );
  return said.join(' ');
}

const FILTER_EMPTY: Record<string, string> = {
  overdue: 'کسی کام کی تاریخ نہیں گزری — شاباش! 🎉',
  today: 'آج کسی کام کی آخری تاریخ نہیں۔',
  week: 'اگلے 7 دنوں میں کسی کام کی آخری تاریخ نہیں۔',
  none: 'ہر باقی کام کی آخری تاریخ ہے۔',
};

export function filteredListReply(
  filter: Omit<ListFilter, 'status'>,
  tasks: readonly TaskView[],
  total?: number,
): string {
  const n = total !== undefined && total > tasks.length ? total : tasks.length;
  const cut = total !== undefined && total > tasks.length ? ` (پہلے ${tasks.length} دکھائے ہیں)` : '';
  if (filter.completedWithin) {
    const when = filter.completedWithin === 'today' ? 'آج' : 'پچھلے 7 دنوں میں';
    if (tasks.length === 0) return `آپ نے ${when} کوئی کام مکمل نہیں کیا۔`;
    return `آپ نے ${when} ${n} کام مکمل کیے${cut}:\n${lines(tasks)}`;
  }
  if (filter.dueOn) {
    if (tasks.length === 0) return `${filter.dueOn} کسی کام کی آخری تاریخ نہیں۔`;
    return `${filter.dueOn} کی آخری تاریخ والے ${n} کام${cut}:\n${lines(tasks)}`;
  }
  if (filter.due) {
    if (tasks.length === 0) return FILTER_EMPTY[filter.due];
    const head = {
      overdue: `${n} کاموں کی تاریخ گزر چکی ہے`,
      today: `آج کی آخری تاریخ والے ${n} کام`,
      week: `اگلے 7 دنوں میں ${n} کام`,
      none: `بغیر آخری تاریخ کے ${n} باقی کام`,
    }[filter.due];
    return `${head}${cut}:\n${lines(tasks)}`;
  }
  if (filter.priority) {
    const level = filter.priority === 'none' ? 'بغیر اہمیت کے' : PRIORITY[filter.priority];
    if (tasks.length === 0) return `کوئی ${level} کام باقی نہیں۔`;
    return `${level} باقی کام: ${n}${cut}:\n${lines(tasks)}`;
  }
  if (filter.tags?.length) {
    const tags = filter.tags.map((t) => `#${t}`).join(' اور ');
    if (tasks.length === 0) return `کسی کام پر ${tags} نہیں لگا۔`;
    return `${tags} والے کام: ${n}${cut}:\n${lines(tasks)}`;
  }
  if (tasks.length === 0) return listReply('all', tasks);
  return `آپ کے کام ${filter.sort === 'priority' ? 'اہمیت' : 'آخری تاریخ'} کے لحاظ سے${cut}:\n${lines(tasks)}`;
}

export function firstReply(tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return 'کوئی کام باقی نہیں — سب ہو گیا! 🎉';
  const ordered = [...tasks.filter((t) => t.details?.overdue), ...tasks.filter((t) => !t.details?.overdue)];
  const [top, ...rest] = ordered;
  const why = detailParts(top.details).filter((p) => !p.startsWith('#') && !p.startsWith('دہرایا'));
  const head = `کام ${top.id} ${q(top.title)} سے شروع کریں${why.length ? ` — ${why.join('، ')}` : ''}۔`;
  if (rest.length === 0) return head;
  const next = rest.slice(0, 3).map((t) => `• کام ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`);
  const more = rest.length > 3 ? `\n…اور ${rest.length - 3} باقی کام۔` : '';
  return `${head}\nپھر:\n${next.join('\n')}${more}`;
}

export function completedReply(tasks: readonly TaskRef[], completed: boolean): string {
  if (tasks.length === 1) {
    const t = tasks[0];
    return completed
      ? `✓ کام ${t.id} ${q(t.title)} مکمل کر دیا۔`
      : `کام ${t.id} ${q(t.title)} دوبارہ کھول دیا — یہ پھر سے باقی ہے۔`;
  }
  const bullets = tasks.map((t) => `• کام ${t.id}: ${q(t.title)}`).join('\n');
  return completed
    ? `✓ ${tasks.length} کام مکمل کر دیے:\n${bullets}`
    : `${tasks.length} کام دوبارہ کھول دیے:\n${bullets}`;
}

export function alreadyReply(task: TaskRef, completed: boolean): string {
  return completed
    ? `کام ${task.id} ${q(task.title)} پہلے ہی مکمل ہے۔`
    : `کام ${task.id} ${q(task.title)} پہلے ہی باقی ہے۔`;
}

export function updatedReply(task: TaskRef, changed: { title?: string; description?: string }): string {
  if (changed.title !== undefined && changed.description !== undefined)
    return `کام ${task.id} بدل دیا: اب یہ ${q(task.title)} ہے، تفصیل ${q(changed.description)} کے ساتھ۔`;
  if (changed.description === '') return `کام ${task.id} ${q(task.title)} کی تفصیل ہٹا دی۔`;
  if (changed.description !== undefined)
    return `کام ${task.id} ${q(task.title)} کی تفصیل بدل دی: ${q(changed.description)}۔`;
  return `کام ${task.id} کا نام بدل دیا: اب یہ ${q(task.title)} ہے۔`;
}

export function deletedReply(tasks: readonly TaskRef[], clearingCompleted = false): string {
  if (tasks.length === 1) return `کام ${tasks[0].id} مٹا دیا: ${q(tasks[0].title)}۔`;
  const head = clearingCompleted ? `${tasks.length} مکمل کام صاف کر دیے` : `${tasks.length} کام مٹا دیے`;
  return `${head}:\n${tasks.map((t) => `• کام ${t.id}: ${q(t.title)}`).join('\n')}`;
}

export function toolErrorReply(message: string): string {
  return `معذرت — ${sentence(message.replace(/^error:\s*/i, ''))}`;
}

export function notFoundReply(query: string, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `${q(query)} سے ملتا کوئی کام نہیں ملا — آپ کی لسٹ خالی ہے۔`;
  return `${q(query)} سے ملتا کوئی کام نہیں ملا۔ آپ کے کام یہ ہیں:\n${lines(tasks)}`;
}

export function noSuchTaskReply(id: number, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `کام ${id} موجود نہیں — آپ کی لسٹ خالی ہے۔`;
  return `کام ${id} موجود نہیں۔ آپ کے کام یہ ہیں:\n${lines(tasks)}`;
}

/** What the question waiting for an answer would do, as a verb: "مکمل کروں", "مٹاؤں". */
export function actionPhrase(action: Action): string {
  switch (action.verb) {
    case 'complete':
      return action.completed ? 'مکمل کروں' : 'دوبارہ کھولوں';
    case 'delete':
      return 'مٹاؤں';
    case 'update':
      if (action.title !== undefined) return `کا نام ${q(action.title)} رکھوں`;
      if (action.description === '') return 'کی تفصیل ہٹاؤں';
      return action.description !== undefined || action.askFor ? 'کی تفصیل بدلوں' : 'بدلوں';
    case 'show':
      return 'دکھاؤں';
    case 'set':
      return action.change.due !== undefined && action.change.due !== 'none' ? 'کی تاریخ بدلوں' : 'بدلوں';
  }
}

/** "کون سا کام مکمل کروں؟", "کس کام کا نام … رکھوں؟". */
function whichQuestion(action: Action): string {
  const phrase = actionPhrase(action);
  return /^(?:کا|کی)\s/u.test(phrase) ? `کس کام ${phrase}؟` : `کون سا کام ${phrase}؟`;
}

export function whichReply(action: Action, candidates: readonly TaskRef[], query?: string): string {
  if (candidates.length === 1) {
    const c = candidates[0];
    return `کیا کام ${c.id} ${q(c.title)} ${actionPhrase(action)}؟ کرنے کے لیے “ہاں” کہیں، یا چھوڑنے کے لیے “نہیں”۔`;
  }
  const intro = query ? `${q(query)} سے ${candidates.length} کام ملتے ہیں:` : 'آپ کون سا کام کہہ رہے ہیں؟';
  return `${intro}\n${candidates.map(taskBullet).join('\n')}\n${whichQuestion(action)} کام کا نمبر لکھیں۔`;
}

export function pickAgainReply(candidates: readonly TaskRef[]): string {
  return `معاف کیجیے، سمجھ نہیں آیا کون سا۔ ان میں سے ایک چنیں:\n${candidates.map(taskBullet).join('\n')}\nکام کا نمبر لکھیں، یا “رہنے دو”۔`;
}

export function confirmDeleteReply(tasks: readonly TaskRef[], all: boolean): string {
  const one = tasks.length === 1;
  const what = all
    ? one
      ? 'آپ کا واحد کام'
      : `آپ کے سارے ${tasks.length} کام`
    : one
      ? 'یہ کام'
      : `یہ ${tasks.length} کام`;
  return `اس سے ${what} ہمیشہ کے لیے مٹ ${one ? 'جائے گا' : 'جائیں گے'}:\n${tasks.map(taskBullet).join('\n')}\nکیا آپ کو یقین ہے؟ مٹانے کے لیے “ہاں” کہیں، یا ${one ? 'اسے' : 'انہیں'} رکھنے کے لیے “نہیں”۔`;
}

export function confirmAddReply(tasks: readonly NewTask[]): string {
  return `کیا میں ${tasks.map((t) => q(t.title)).join('، ')} کو نئے کام کے طور پر شامل کر دوں؟ شامل کرنے کے لیے “ہاں” کہیں۔`;
}

export function noneToActOnReply(action: Action): string {
  if (action.verb === 'complete')
    return action.completed
      ? 'کوئی کام باقی نہیں جسے مکمل کیا جائے۔ 🎉'
      : 'کوئی مکمل کام نہیں جسے دوبارہ کھولا جائے۔';
  return 'آپ کی لسٹ خالی ہے، اس لیے بدلنے کو کچھ نہیں۔';
}

export const CANCELLED = 'ٹھیک ہے، کچھ نہیں بدلا۔';
export const NOTHING_TO_CLEAR = 'صاف کرنے کے لیے کوئی مکمل کام نہیں۔';
export const ASK_NEW_TITLE = 'ضرور — نئے کام میں کیا لکھوں؟';
export const GREETING =
  'السلام علیکم! میں آپ کا ٹو ڈو اسسٹنٹ ہوں۔ بتائیں کیا شامل کروں، یا پوچھیں “کیا باقی ہے؟”۔ سب کچھ دیکھنے کے لیے “مدد” لکھیں۔';
export const THANKS = 'کوئی بات نہیں! لسٹ کے لیے اور کچھ؟';
export const BYE = 'خدا حافظ — آپ کے کام یہیں رہیں گے۔';
export const ACK = 'ٹھیک ہے! لسٹ کے لیے اور کچھ؟';
export const TOO_LONG =
  'یہ پیغام بہت لمبا ہے — ایک وقت میں ایک بات لکھیں (کام کا نام زیادہ سے زیادہ 200 حروف کا ہو سکتا ہے)۔';
export const ONLY_ONE_RENAME =
  'میں ایک وقت میں ایک ہی کام کا نام بدل سکتا ہوں — کون سا کام بدلوں؟ اس کا نمبر بتائیں۔';

export function askTitleReply(task: TaskRef): string {
  return `${named(task)} کا نیا نام کیا رکھوں؟ نیا نام لکھیں۔`;
}

export function askDescriptionReply(task: TaskRef): string {
  return `${named(task)} کی تفصیل میں کیا لکھوں؟ نئی تفصیل لکھیں، یا ہٹانے کے لیے “کچھ نہیں”۔`;
}

export const HELP = [
  'میں آپ کی ٹو ڈو لسٹ سنبھالتا ہوں۔ یوں کہیں:',
  '• “دودھ خریدنا لسٹ میں ڈال دو” یا “کل ڈاکٹر کے پاس جانا شامل کرو”',
  '• “میری لسٹ دکھاؤ”، “کیا باقی ہے؟”، “مکمل کام دکھاؤ”',
  '• “کام 3 مکمل کر دو” یا “دودھ والا کام ہو گیا”',
  '• “کام 1 کا نام بدل کر … کر دو”',
  '• “دودھ والا کام مٹا دو”، “کام 2 دوبارہ کھولو”',
  '• “کام 2 کی تاریخ اگلے پیر کر دو”',
  '• “ان ڈو کرو” میری آخری تبدیلی واپس لیتا ہے',
].join('\n');

export function unknownReply(message: string): string {
  const shown = message.trim().length > 60 ? `${message.trim().slice(0, 57)}…` : message.trim();
  return [
    `معاف کیجیے، ${q(shown)} سمجھ نہیں آیا۔ میں کام شامل کر سکتا ہوں، دکھا سکتا ہوں، مکمل کر سکتا ہوں، نام بدل سکتا ہوں اور مٹا سکتا ہوں — مثلاً:`,
    '• “دودھ خریدنا لسٹ میں ڈال دو”',
    '• “کیا باقی ہے؟”',
    '• “کام 3 مکمل کر دو”',
    '• “دودھ والا کام مٹا دو”',
  ].join('\n');
}

export function whatNextReply(task: TaskRef): string {
  return `کام ${task.id} ${q(task.title)} ہے۔ اس کا کیا کروں؟ آپ کہہ سکتے ہیں “اسے مکمل کرو”، “اسے مٹا دو” یا “اس کا نام … رکھ دو”۔`;
}

export function onlyNReply(n: number, count: number): string {
  return `اس لسٹ میں صرف ${count} کام ہیں، اس لیے نمبر ${n} نہیں چن سکتا۔ آپ کون سا کام کہہ رہے ہیں؟`;
}

export function unavailableToolReply(tool: string): string {
  return `معذرت — ابھی یہ نہیں ہو سکتا کیونکہ ${tool} ٹول دستیاب نہیں۔`;
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'نام',
  description: 'تفصیل',
  priority: 'اہمیت',
  tags: 'ٹیگ',
  due_at: 'آخری تاریخ',
  recurrence: 'دہرانا',
};

function changedFields(fields: readonly string[] | undefined): string {
  const named = [...new Set((fields ?? []).map((f) => FIELD_WORDS[f]).filter(Boolean))];
  return named.length ? ` (${named.join('، ')})` : '';
}

/** One undone change, as a clause: "کام 4 “…” واپس لے آیا". */
function undoneClause(c: UndoneView): string {
  const name = `کام ${c.taskId} ${q(c.title)}`;
  if (c.status === 'not_restored') return `${name} واپس نہیں لا سکا: اسے بیچ میں مٹا دیا گیا تھا`;
  const next = c.nextRemoved ? ` اور اس کا بنایا ہوا اگلا کام ${c.nextRemoved.taskId} ہٹا دیا` : '';
  switch (c.undid) {
    case 'created':
      return `${name} ہٹا دیا`;
    case 'deleted':
      return `${name} واپس لے آیا`;
    case 'completed':
      return `${name} دوبارہ کھول دیا${next}`;
    case 'reopened':
      return `${name} پھر سے مکمل کر دیا`;
    case 'updated':
      return `${name} پہلے جیسا کر دیا${changedFields(c.fields)}`;
  }
}

export function undoReply(changes: readonly UndoneView[]): string {
  if (changes.length === 0) return 'واپس لینے کو کچھ نہیں — اس گفتگو کی کوئی تبدیلی باقی نہیں۔';
  if (changes.length === 1) {
    const c = changes[0];
    if (c.status === 'not_restored') return `معذرت — ${undoneClause(c)}۔`;
    return `پچھلی تبدیلی واپس لے لی: ${undoneClause(c)}۔`;
  }
  return `${changes.length} تبدیلیاں واپس لے لیں:\n${changes.map((c) => `• ${undoneClause(c)}`).join('\n')}`;
}

export function undoneBrief(changes: readonly UndoneView[]): string {
  if (changes.length === 0) return '';
  return `ٹھیک ہے — ${changes.map(undoneClause).join('، اور ')}۔`;
}

export function whichAfterUndoReply(candidates: readonly TaskRef[]): string {
  if (candidates.length === 0) return 'آپ کون سا کام کہہ رہے تھے؟ اس کا نمبر یا نام بتائیں۔';
  return `آپ کون سا کام کہہ رہے تھے؟\n${candidates.map(taskBullet).join('\n')}\nکام کا نمبر لکھیں۔`;
}

export const NOTHING_TO_CORRECT =
  'سمجھ نہیں آیا کیا بدلوں — میں نے ابھی کچھ نہیں کیا جسے درست کروں۔ بتائیں کیا چاہیے، مثلاً “کام 2 کا نام … رکھ دو”۔';
export const FULL_STOP = '۔';
export const COULD_NOT_READ_TASKS = 'آپ کے کام پڑھے نہیں جا سکے۔';
export const SOMETHING_WENT_WRONG = 'کچھ غلط ہو گیا۔';

const FACT_VERBS: Readonly<Record<ToolName, string>> = {
  add_task: 'شامل کیا',
  list_tasks: 'دکھایا',
  complete_task: 'حالت بدلی',
  update_task: 'بدلا',
  delete_task: 'مٹایا',
  undo_last_change: 'تبدیلی واپس لی',
};

export function toolFactLine(tool: ToolName, taskId: number, title: string): string {
  return `• کام ${taskId}: ${q(title)} — ${FACT_VERBS[tool]}`;
}

export function whatIDidReply(lines: readonly string[]): string {
  return `میں نے یہ کیا:\n${lines.join('\n')}`;
}
