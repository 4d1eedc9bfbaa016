/**
 * Every sentence the offline assistant says in Roman Urdu, to someone who wrote in it: the same facts and the same
 * order as the Urdu-script replies (replies.ts), in the Latin spelling people type.
 */
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
  return /[.!?…:]$/u.test(t) ? t : `${t}.`;
}

function cap(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

const PRIORITY: Readonly<Record<string, string>> = {
  high: 'zyada ahem',
  medium: 'darmiyani ahmiyat',
  low: 'kam ahem',
};

export function detailParts(d: TaskDetails | undefined): string[] {
  if (!d) return [];
  const parts: string[] = [];
  if (d.due) parts.push(d.overdue ? `tareekh guzar chuki, ${d.due} thi` : `aakhri tareekh ${d.due}`);
  if (d.priority) parts.push(PRIORITY[d.priority] ?? d.priority);
  if (d.tags?.length) parts.push(d.tags.map((t) => `#${t}`).join(' '));
  if (d.repeats) parts.push(`dohraya jata hai: ${d.repeats}`);
  return parts;
}

function detailsSuffix(d: TaskDetails | undefined): string {
  const parts = detailParts(d);
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

export function taskLine(task: TaskView): string {
  const mark = task.completed ? '✓' : task.details?.overdue ? '⚠' : '○';
  const description = task.description ? ` — ${task.description}` : '';
  return `${mark} ${task.id}. ${task.title}${description}${detailsSuffix(task.details)}`;
}

function named(task: TaskRef): string {
  return task.title ? `kaam ${task.id} ${q(task.title)}` : `kaam ${task.id}`;
}

export function taskBullet(task: TaskRef): string {
  return `• Kaam ${task.id}: ${q(task.title)}${task.completed ? ' (mukammal)' : ''}`;
}

const lines = (tasks: readonly TaskView[]): string => tasks.map(taskLine).join('\n');

export function listReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  if (total !== undefined && total > tasks.length && tasks.length > 0) {
    const which = status === 'pending' ? 'baqi kaam' : status === 'completed' ? 'mukammal kaam' : 'kaam';
    return `Aap ke ${total} ${which} hain; ye sab se naye ${tasks.length} hain:\n${lines(tasks)}`;
  }
  if (tasks.length === 0) {
    if (status === 'pending') return 'Koi kaam baqi nahi — sab ho gaya! 🎉';
    if (status === 'completed') return 'Aap ne abhi tak koi kaam mukammal nahi kiya.';
    return 'Aap ki list khali hai. Kahiye: “doodh khareedna list mein daal do”.';
  }
  if (status === 'pending') return `Aap ke ${tasks.length} kaam baqi hain:\n${lines(tasks)}`;
  if (status === 'completed') return `Aap ${tasks.length} kaam mukammal kar chuke hain:\n${lines(tasks)}`;
  const done = tasks.filter((t) => t.completed).length;
  return `Aap ke ${tasks.length} kaam hain (${tasks.length - done} baqi, ${done} mukammal):\n${lines(tasks)}`;
}

export function countReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  const n = total !== undefined && total > tasks.length ? total : tasks.length;
  if (status === 'pending') return n === 0 ? 'Koi kaam baqi nahi. 🎉' : `Aap ke ${n} kaam baqi hain.`;
  if (status === 'completed') return `Aap ${n} kaam mukammal kar chuke hain.`;
  if (total !== undefined && total > tasks.length) return `Aap ke ${n} kaam hain.`;
  const done = tasks.filter((t) => t.completed).length;
  return `Aap ke ${n} kaam hain: ${n - done} baqi aur ${done} mukammal.`;
}

export function allDoneReply(pending: readonly TaskView[], total?: number): string {
  const n = total !== undefined && total > pending.length ? total : pending.length;
  if (n === 0) return 'Ji haan — sab kuch ho gaya. 🎉';
  return `Abhi nahi — aap ke ${n} kaam baqi hain:\n${lines(pending)}`;
}

export function searchReply(query: string, found: readonly TaskView[], total?: number): string {
  const among = total !== undefined ? ` (aap ke ${total} mein se naye kaamon mein)` : '';
  if (found.length === 0) return `${q(query)} se milta koi kaam nahi mila${among}.`;
  return `${q(query)} se milte ${found.length} kaam mile${among}:\n${lines(found)}`;
}

export function stateAnswerReply(task: TaskView, ask: StateQuestion): string {
  const title = `Kaam ${task.id} ${q(task.title)}`;
  if (ask === 'due') {
    const due = task.details?.due;
    if (!due)
      return `${title} ki koi aakhri tareekh nahi${task.completed ? ', aur ye mukammal ho chuka hai. ✓' : '.'}`;
    if (task.completed) return `${title} ki aakhri tareekh ${due} thi, aur ye mukammal ho chuka hai. ✓`;
    return task.details?.overdue
      ? `${title} ki aakhri tareekh ${due} thi — waqt guzar chuka hai.`
      : `${title} ki aakhri tareekh ${due} hai.`;
  }
  const answer =
    ask === 'done'
      ? task.completed
        ? `Ji haan — kaam ${task.id} mukammal ho chuka hai.`
        : `Nahi — kaam ${task.id} abhi mukammal nahi hua.`
      : task.completed
        ? `Nahi — kaam ${task.id} pehle hi mukammal ho chuka hai.`
        : `Ji haan — kaam ${task.id} abhi baqi hai.`;
  return `${answer}\n${showReply(task)}`;
}

export function showReply(task: TaskView): string {
  const state = task.completed ? '✓ mukammal' : '○ baqi';
  const notes = task.description ? `\nTafseel: ${task.description}` : '';
  const details = detailParts(task.details);
  const more = details.length ? `\n${cap(details.join(' · '))}.` : '';
  return `Kaam ${task.id}: ${q(task.title)} — ${state}.${notes}${more}`;
}

export function addedReply(
  created: ReadonlyArray<{ id: number; title: string; description?: string; details?: TaskDetails }>,
): string {
  if (created.length === 1) {
    const t = created[0];
    return `Kaam ${t.id} shamil kar diya: ${q(t.title)}${t.description ? ` — ${t.description}` : ''}${detailsSuffix(t.details)}.`;
  }
  return `${created.length} kaam shamil kar diye:\n${created.map((t) => `• Kaam ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
}

export function nextOccurrenceReply(next: ChangedTask): string {
  const due = next.details?.due ? `, aakhri tareekh ${next.details.due}` : '';
  return `Ye kaam dohraya jata hai, is liye agla shamil kar diya: kaam ${next.taskId} ${q(next.title)}${due}.`;
}

export function fieldsChangedReply(tasks: readonly ChangedTask[], change: FieldChange): string {
  if (tasks.length > 1) {
    const head =
      change.due && change.due !== 'none'
        ? `${tasks.length} kaamon ki tareekh badal di:`
        : `${tasks.length} kaam badal diye:`;
    return `${head}\n${tasks.map((t) => `• Kaam ${t.taskId}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
  }
  const t = tasks[0];
  const name = `Kaam ${t.taskId} ${q(t.title)}`;
  const d = t.details ?? {};
  const said: string[] = [];
  if (change.due === 'none') said.push(`${name} ki aakhri tareekh hata di.`);
  else if (change.due !== undefined)
    said.push(
      `${name} ki aakhri tareekh ${d.due ?? change.due} kar di${d.overdue ? ' (ye waqt guzar chuka hai)' : ''}.`,
    );
  if (change.priority === 'none') said.push(`${name} ki ahmiyat hata di.`);
  else if (change.priority) said.push(`${name} ab ${PRIORITY[change.priority]} hai.`);
  if (change.addTags?.length)
    said.push(`${name} par ${change.addTags.map((x) => `#${x}`).join(' ')} laga diya.`);
  if (change.removeTags?.length)
    said.push(`${name} se ${change.removeTags.map((x) => `#${x}`).join(' ')} hata diya.`);
  if (change.recurrence === 'none') said.push(`${name} ab nahi dohraya jayega.`);
  else if (change.recurrence !== undefined)
    said.push(
      `${name} ab dohraya jayega: ${d.repeats ?? change.recurrence}${d.due ? `, agli tareekh ${d.due}` : ''}.`,
    );
  return said.join(' ');
}

const FILTER_EMPTY: Record<string, string> = {
  overdue: 'Kisi kaam ki tareekh nahi guzri — shabash! 🎉',
  today: 'Aaj kisi kaam ki aakhri tareekh nahi.',
  week: 'Agle 7 dinon mein kisi kaam ki aakhri tareekh nahi.',
  none: 'Har baqi kaam ki aakhri tareekh hai.',
};

export function filteredListReply(
  filter: Omit<ListFilter, 'status'>,
  tasks: readonly TaskView[],
  total?: number,
): string {
  const n = total !== undefined && total > tasks.length ? total : tasks.length;
  const cut = total !== undefined && total > tasks.length ? ` (pehle ${tasks.length} dikhaye hain)` : '';
  if (filter.completedWithin) {
    const when = filter.completedWithin === 'today' ? 'aaj' : 'pichle 7 dinon mein';
    if (tasks.length === 0) return `Aap ne ${when} koi kaam mukammal nahi kiya.`;
    return `Aap ne ${when} ${n} kaam mukammal kiye${cut}:\n${lines(tasks)}`;
  }
  if (filter.dueOn) {
    if (tasks.length === 0) return `${cap(filter.dueOn)} kisi kaam ki aakhri tareekh nahi.`;
    return `${cap(filter.dueOn)} ki aakhri tareekh wale ${n} kaam${cut}:\n${lines(tasks)}`;
  }
  if (filter.due) {
    if (tasks.length === 0) return FILTER_EMPTY[filter.due];
    const head = {
      overdue: `${n} kaamon ki tareekh guzar chuki hai`,
      today: `Aaj ki aakhri tareekh wale ${n} kaam`,
      week: `Agle 7 dinon mein ${n} kaam`,
      none: `Baghair aakhri tareekh ke ${n} baqi kaam`,
    }[filter.due];
    return `${head}${cut}:\n${lines(tasks)}`;
  }
  if (filter.priority) {
    const level = filter.priority === 'none' ? 'baghair ahmiyat ke' : PRIORITY[filter.priority];
    if (tasks.length === 0) return `Koi ${level} kaam baqi nahi.`;
    return `${cap(level)} baqi kaam: ${n}${cut}:\n${lines(tasks)}`;
  }
  if (filter.tags?.length) {
    const tags = filter.tags.map((t) => `#${t}`).join(' aur ');
    if (tasks.length === 0) return `Kisi kaam par ${tags} nahi laga.`;
    return `${tags} wale kaam: ${n}${cut}:\n${lines(tasks)}`;
  }
  if (tasks.length === 0) return listReply('all', tasks);
  return `Aap ke kaam ${filter.sort === 'priority' ? 'ahmiyat' : 'aakhri tareekh'} ke lihaz se${cut}:\n${lines(tasks)}`;
}

export function firstReply(tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return 'Koi kaam baqi nahi — sab ho gaya! 🎉';
  const ordered = [...tasks.filter((t) => t.details?.overdue), ...tasks.filter((t) => !t.details?.overdue)];
  const [top, ...rest] = ordered;
  const why = detailParts(top.details).filter((p) => !p.startsWith('#') && !p.startsWith('dohraya'));
  const head = `Kaam ${top.id} ${q(top.title)} se shuru karein${why.length ? ` — ${why.join(', ')}` : ''}.`;
  if (rest.length === 0) return head;
  const next = rest.slice(0, 3).map((t) => `• Kaam ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`);
  const more = rest.length > 3 ? `\n…aur ${rest.length - 3} baqi kaam.` : '';
  return `${head}\nPhir:\n${next.join('\n')}${more}`;
}

export function completedReply(tasks: readonly TaskRef[], completed: boolean): string {
  if (tasks.length === 1) {
    const t = tasks[0];
    return completed
      ? `✓ Kaam ${t.id} ${q(t.title)} mukammal kar diya.`
      : `Kaam ${t.id} ${q(t.title)} dobara khol diya — ye phir se baqi hai.`;
  }
  const bullets = tasks.map((t) => `• Kaam ${t.id}: ${q(t.title)}`).join('\n');
  return completed
    ? `✓ ${tasks.length} kaam mukammal kar diye:\n${bullets}`
    : `${tasks.length} kaam dobara khol diye:\n${bullets}`;
}

export function alreadyReply(task: TaskRef, completed: boolean): string {
  return completed
    ? `Kaam ${task.id} ${q(task.title)} pehle hi mukammal hai.`
    : `Kaam ${task.id} ${q(task.title)} pehle hi baqi hai.`;
}

export function updatedReply(task: TaskRef, changed: { title?: string; description?: string }): string {
  if (changed.title !== undefined && changed.description !== undefined)
    return `Kaam ${task.id} badal diya: ab ye ${q(task.title)} hai, tafseel ${q(changed.description)} ke saath.`;
  if (changed.description === '') return `Kaam ${task.id} ${q(task.title)} ki tafseel hata di.`;
  if (changed.description !== undefined)
    return `Kaam ${task.id} ${q(task.title)} ki tafseel badal di: ${q(changed.description)}.`;
  return `Kaam ${task.id} ka naam badal diya: ab ye ${q(task.title)} hai.`;
}

export function deletedReply(tasks: readonly TaskRef[], clearingCompleted = false): string {
  if (tasks.length === 1) return `Kaam ${tasks[0].id} mita diya: ${q(tasks[0].title)}.`;
  const head = clearingCompleted
    ? `${tasks.length} mukammal kaam saaf kar diye`
    : `${tasks.length} kaam mita diye`;
  return `${head}:\n${tasks.map((t) => `• Kaam ${t.id}: ${q(t.title)}`).join('\n')}`;
}

export function toolErrorReply(message: string): string {
  return `Maazrat — ${sentence(message.replace(/^error:\s*/i, ''))}`;
}

export function notFoundReply(query: string, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `${q(query)} se milta koi kaam nahi mila — aap ki list khali hai.`;
  return `${q(query)} se milta koi kaam nahi mila. Aap ke kaam ye hain:\n${lines(tasks)}`;
}

export function noSuchTaskReply(id: number, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `Kaam ${id} maujood nahi — aap ki list khali hai.`;
  return `Kaam ${id} maujood nahi. Aap ke kaam ye hain:\n${lines(tasks)}`;
}

/** What the question waiting for an answer would do, as a verb: "mukammal karoon", "mitaoon". */
export function actionPhrase(action: Action): string {
  switch (action.verb) {
    case 'complete':
      return action.completed ? 'mukammal karoon' : 'dobara kholoon';
    case 'delete':
      return 'mitaoon';
    case 'update':
      if (action.title !== undefined) return `ka naam ${q(action.title)} rakhoon`;
      if (action.description === '') return 'ki tafseel hataoon';
      return action.description !== undefined || action.askFor ? 'ki tafseel badloon' : 'badloon';
    case 'show':
      return 'dikhaoon';
    case 'set':
      return action.change.due !== undefined && action.change.due !== 'none'
        ? 'ki tareekh badloon'
        : 'badloon';
  }
}

function whichQuestion(action: Action): string {
  const phrase = actionPhrase(action);
  return /^(?:ka|ki)\s/.test(phrase) ? `Kis kaam ${phrase}?` : `Kaun sa kaam ${phrase}?`;
}

export function whichReply(action: Action, candidates: readonly TaskRef[], query?: string): string {
  if (candidates.length === 1) {
    const c = candidates[0];
    return `Kya kaam ${c.id} ${q(c.title)} ${actionPhrase(action)}? Karne ke liye “haan” kahein, ya chhorne ke liye “nahi”.`;
  }
  const intro = query
    ? `${q(query)} se ${candidates.length} kaam milte hain:`
    : 'Aap kaun sa kaam keh rahe hain?';
  return `${intro}\n${candidates.map(taskBullet).join('\n')}\n${whichQuestion(action)} Kaam ka number likhein.`;
}

export function pickAgainReply(candidates: readonly TaskRef[]): string {
  return `Maaf kijiye, samajh nahi aaya kaun sa. In mein se ek chunein:\n${candidates.map(taskBullet).join('\n')}\nKaam ka number likhein, ya “rehne do”.`;
}

export function confirmDeleteReply(tasks: readonly TaskRef[], all: boolean): string {
  const one = tasks.length === 1;
  const what = all
    ? one
      ? 'aap ka wahid kaam'
      : `aap ke saare ${tasks.length} kaam`
    : one
      ? 'ye kaam'
      : `ye ${tasks.length} kaam`;
  return `Is se ${what} hamesha ke liye mit ${one ? 'jayega' : 'jayenge'}:\n${tasks.map(taskBullet).join('\n')}\nKya aap ko yaqeen hai? Mitane ke liye “haan” kahein, ya ${one ? 'ise' : 'inhein'} rakhne ke liye “nahi”.`;
}

export function confirmAddReply(tasks: readonly NewTask[]): string {
  return `Kya main ${tasks.map((t) => q(t.title)).join(', ')} ko naye kaam ke taur par shamil kar doon? Shamil karne ke liye “haan” kahein.`;
}

export function noneToActOnReply(action: Action): string {
  if (action.verb === 'complete')
    return action.completed
      ? 'Koi kaam baqi nahi jise mukammal kiya jaye. 🎉'
      : 'Koi mukammal kaam nahi jise dobara khola jaye.';
  return 'Aap ki list khali hai, is liye badalne ko kuch nahi.';
}

export const CANCELLED = 'Theek hai, kuch nahi badla.';
export const NOTHING_TO_CLEAR = 'Saaf karne ke liye koi mukammal kaam nahi.';
export const ASK_NEW_TITLE = 'Zaroor — naye kaam mein kya likhoon?';
export const GREETING =
  'Assalam o alaikum! Main aap ka to-do assistant hoon. Bataiye kya shamil karoon, ya poochiye “kya baqi hai?”. Sab kuch dekhne ke liye “madad” likhein.';
export const THANKS = 'Koi baat nahi! List ke liye aur kuch?';
export const BYE = 'Khuda hafiz — aap ke kaam yahin rahenge.';
export const ACK = 'Theek hai! List ke liye aur kuch?';
export const TOO_LONG =
  'Ye paighaam bohat lamba hai — ek waqt mein ek baat likhein (kaam ka naam zyada se zyada 200 huroof ka ho sakta hai).';
export const ONLY_ONE_RENAME =
  'Main ek waqt mein ek hi kaam ka naam badal sakta hoon — kaun sa kaam badloon? Us ka number bataiye.';

export function askTitleReply(task: TaskRef): string {
  return `${cap(named(task))} ka naya naam kya rakhoon? Naya naam likhein.`;
}

export function askDescriptionReply(task: TaskRef): string {
  return `${cap(named(task))} ki tafseel mein kya likhoon? Nayi tafseel likhein, ya hatane ke liye “kuch nahi”.`;
}

export const HELP = [
  'Main aap ki to-do list sambhalta hoon. Yun kahiye:',
  '• “doodh khareedna list mein daal do” ya “kal doctor ke paas jana add karo”',
  '• “meri list dikhao”, “kya baqi hai?”, “mukammal kaam dikhao”',
  '• “task 3 mukammal kar do” ya “doodh wala kaam ho gaya”',
  '• “task 1 ka naam badal kar … kar do”',
  '• “doodh wala kaam mita do”, “task 2 dobara kholo”',
  '• “task 2 ki tareekh agle peer kar do”',
  '• “undo karo” meri aakhri tabdeeli wapas leta hai',
].join('\n');

export function unknownReply(message: string): string {
  const shown = message.trim().length > 60 ? `${message.trim().slice(0, 57)}…` : message.trim();
  return [
    `Maaf kijiye, ${q(shown)} samajh nahi aaya. Main kaam shamil kar sakta hoon, dikha sakta hoon, mukammal kar sakta hoon, naam badal sakta hoon aur mita sakta hoon — maslan:`,
    '• “doodh khareedna list mein daal do”',
    '• “kya baqi hai?”',
    '• “task 3 mukammal kar do”',
    '• “doodh wala kaam mita do”',
  ].join('\n');
}

export function whatNextReply(task: TaskRef): string {
  return `Kaam ${task.id} ${q(task.title)} hai. Is ka kya karoon? Aap keh sakte hain “ise mukammal karo”, “ise mita do” ya “is ka naam … rakh do”.`;
}

export function onlyNReply(n: number, count: number): string {
  return `Is list mein sirf ${count} kaam hain, is liye number ${n} nahi chun sakta. Aap kaun sa kaam keh rahe hain?`;
}

export function unavailableToolReply(tool: string): string {
  return `Maazrat — abhi ye nahi ho sakta kyunke ${tool} tool dastiyab nahi.`;
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'naam',
  description: 'tafseel',
  priority: 'ahmiyat',
  tags: 'tags',
  due_at: 'aakhri tareekh',
  recurrence: 'dohrana',
};

function changedFields(fields: readonly string[] | undefined): string {
  const named = [...new Set((fields ?? []).map((f) => FIELD_WORDS[f]).filter(Boolean))];
  return named.length ? ` (${named.join(', ')})` : '';
}

function undoneClause(c: UndoneView): string {
  const name = `kaam ${c.taskId} ${q(c.title)}`;
  if (c.status === 'not_restored') return `${name} wapas nahi la saka: ise beech mein mita diya gaya tha`;
  const next = c.nextRemoved ? ` aur is ka banaya hua agla kaam ${c.nextRemoved.taskId} hata diya` : '';
  switch (c.undid) {
    case 'created':
      return `${name} hata diya`;
    case 'deleted':
      return `${name} wapas le aaya`;
    case 'completed':
      return `${name} dobara khol diya${next}`;
    case 'reopened':
      return `${name} phir se mukammal kar diya`;
    case 'updated':
      return `${name} pehle jaisa kar diya${changedFields(c.fields)}`;
  }
}

export function undoReply(changes: readonly UndoneView[]): string {
  if (changes.length === 0) return 'Wapas lene ko kuch nahi — is guftagu ki koi tabdeeli baqi nahi.';
  if (changes.length === 1) {
    const c = changes[0];
    if (c.status === 'not_restored') return `Maazrat — ${undoneClause(c)}.`;
    return `Pichli tabdeeli wapas le li: ${undoneClause(c)}.`;
  }
  return `${changes.length} tabdeeliyan wapas le lin:\n${changes.map((c) => `• ${cap(undoneClause(c))}`).join('\n')}`;
}

export function undoneBrief(changes: readonly UndoneView[]): string {
  if (changes.length === 0) return '';
  return `Theek hai — ${changes.map(undoneClause).join(', aur ')}.`;
}

export function whichAfterUndoReply(candidates: readonly TaskRef[]): string {
  if (candidates.length === 0) return 'Aap kaun sa kaam keh rahe the? Us ka number ya naam bataiye.';
  return `Aap kaun sa kaam keh rahe the?\n${candidates.map(taskBullet).join('\n')}\nKaam ka number likhein.`;
}

export const NOTHING_TO_CORRECT =
  'Samajh nahi aaya kya badloon — main ne abhi kuch nahi kiya jise durust karoon. Bataiye kya chahiye, maslan “task 2 ka naam … rakh do”.';
export const FULL_STOP = '.';
export const COULD_NOT_READ_TASKS = 'Aap ke kaam parhe nahi ja sake.';
export const SOMETHING_WENT_WRONG = 'Kuch ghalat ho gaya.';

const FACT_VERBS: Readonly<Record<ToolName, string>> = {
  add_task: 'shamil kiya',
  list_tasks: 'dikhaya',
  complete_task: 'haalat badli',
  update_task: 'badla',
  delete_task: 'mitaya',
  undo_last_change: 'tabdeeli wapas li',
};

export function toolFactLine(tool: ToolName, taskId: number, title: string): string {
  return `• Kaam ${taskId}: ${q(title)} — ${FACT_VERBS[tool]}`;
}

export function whatIDidReply(lines: readonly string[]): string {
  return `Main ne ye kiya:\n${lines.join('\n')}`;
}
