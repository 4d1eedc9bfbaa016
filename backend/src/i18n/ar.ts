import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

// Guillemets, as Arabic print uses them: mirrored by the bidi algorithm, so they face the right way in any
// paragraph direction. Lists and clauses use "،", questions "؟".
const f = new Format({ intl: 'ar', quotes: ['«', '»'], rtl: true });

const task = (id: number | undefined) => (id === undefined ? 'المهمة' : `المهمة ${f.id(id)}`);
const titled = (title: string | undefined) => (title ? f.quoteShort(title) : 'المهمة');
/** "المهمة 3 «…»", whatever of the two is known. */
function named(title: string | undefined, id: number | undefined): string {
  if (id === undefined) return titled(title);
  return title ? `المهمة ${f.id(id)} ${f.quote(title)}` : task(id);
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'العنوان',
  description: 'الوصف',
  priority: 'الأولوية',
  tags: 'الوسوم',
  due_at: 'موعد الاستحقاق',
  recurrence: 'التكرار',
  completed: 'الحالة',
};

function undoneSentence(c: UndoneItem): string {
  const it = named(c.title, c.taskId);
  if (!c.restored)
    return c.action === 'created'
      ? `${it} لم تعد موجودة أصلًا.`
      : `تعذّر التراجع عن تغيير ${it}: فقد حُذفت في هذه الأثناء.`;
  switch (c.action) {
    case 'created':
      return `أُزيلت ${it} التي كانت قد أُضيفت.`;
    case 'deleted':
      return `استُعيدت ${it} التي كانت قد حُذفت.`;
    case 'completed': {
      const next = c.nextRemoved === undefined ? '' : `، وأُزيل موعدها التالي (المهمة ${f.id(c.nextRemoved)})`;
      return `أُعيد فتح ${it}${next}.`;
    }
    case 'reopened':
      return `حُدّدت ${it} كمكتملة من جديد.`;
    case 'updated':
      return `تم التراجع عن تغيير ${f.fields(c.fields, FIELDS, 'التفاصيل')} في ${it}.`;
  }
}

const DONE_TO = {
  created: 'أُضيفت',
  deleted: 'حُذفت',
  completed: 'أُنجزت',
  reopened: 'أُعيد فتح',
  updated: 'عُدّلت',
} as const;

const PRIORITY = { high: 'أولوية عالية', medium: 'أولوية متوسطة', low: 'أولوية منخفضة' } as const;

const AGAIN = 'يُرجى المحاولة مرة أخرى.';

/** Arabic (Modern Standard Arabic). */
export const ar: Messages = {
  adding: (title) => `جارٍ إضافة ${titled(title)}…`,
  lookingUp: (which) =>
    `جارٍ البحث في مهامك${which === 'open' ? ' المفتوحة' : which === 'completed' ? ' المكتملة' : ''}…`,
  reopening: (id) => `جارٍ إعادة فتح ${task(id)}…`,
  markingDone: (id) => `جارٍ تحديد ${task(id)} كمكتملة…`,
  rescheduling: (id) => `جارٍ تغيير موعد ${task(id)}…`,
  updating: (id) => `جارٍ تعديل ${task(id)}…`,
  deleting: (id) => `جارٍ حذف ${task(id)}…`,
  undoing: 'جارٍ التراجع عن آخر تغيير أجريته…',
  running: (tool) => `جارٍ تشغيل ${tool}…`,

  couldNotAdd: (title) => `تعذّرت إضافة ${titled(title)}`,
  couldNotList: 'تعذّر عرض مهامك',
  couldNotUndo: 'تعذّر التراجع عن آخر تغيير أجريته',
  couldNotChange: (id) => `تعذّر تعديل ${task(id)}`,
  couldNotRun: (tool) => `تعذّر تشغيل ${tool}`,

  added: (title, id, due) => {
    const what = title ? `${f.quoteShort(title)}${id === undefined ? '' : ` برقم ${f.id(id)}`}` : task(id);
    return `أُضيفت ${what}${due ? `، وموعدها ${f.due(due)}` : ''}`;
  },
  found: (count) =>
    count === 0
      ? 'لم يُعثر على أي مهمة'
      : f.plural(count, {
          one: 'عُثر على مهمة واحدة',
          two: 'عُثر على مهمتين',
          few: 'عُثر على # مهام',
          many: 'عُثر على # مهمة',
          other: 'عُثر على # مهمة',
        }),
  foundNewest: (total, shown) => `${ar.found(total)}، ويُعرض أحدث ${f.n(shown)} منها`,
  reopened: (title) => `أُعيد فتح ${titled(title)}`,
  completed: (title, nextDue) =>
    `أُنجزت ${titled(title)}${nextDue ? ` — الموعد التالي: ${f.due(nextDue)}` : ''}`,
  moved: (title, id, due) => `نُقل موعد ${named(title, id)} إلى ${f.due(due)}`,
  updated: (title, id) => `عُدّلت ${named(title, id)}`,
  deleted: (title) => `حُذفت ${titled(title)}`,
  nothingToUndo: 'لا يوجد ما يمكن التراجع عنه',
  ran: (tool) => `تم تشغيل ${tool}`,

  listStatus: (done, total, overdue) =>
    `مهامك · أُنجز ${f.n(done)} من ${f.n(total)}${overdue ? ` · ${f.n(overdue)} متأخرة` : ''}`,
  taskLabel: (id) => task(id),
  dueLabel: (due) => `مستحقة في ${f.due(due)}`,
  overdueLabel: (due) => `متأخرة · كانت مستحقة في ${f.due(due)}`,
  priorityLabel: PRIORITY,
  badgeDone: 'مكتملة',
  badgeOverdue: 'متأخرة',
  badgeOpen: 'مفتوحة',
  doneButton: 'تم',
  reopenButton: 'إعادة فتح',
  deleteButton: 'حذف',
  confirmDelete: (id) => `حذف ${task(id)}؟ يمكنك استعادتها بقول ${f.quote('تراجع')}.`,
  yesDelete: 'نعم، احذفها',
  cancel: 'إلغاء',
  noTasksLeft: 'لم تتبقَّ أي مهام في هذه القائمة.',
  copyDue: (due, overdue) => (overdue ? `متأخرة، كانت مستحقة في ${f.due(due)}` : `مستحقة في ${f.due(due)}`),
  copyPriority: (priority) => PRIORITY[priority],
  copyNoTasks: 'لا توجد مهام.',

  undoButton: 'تراجع',
  changed: (action, id, title) => `${DONE_TO[action]} المهمة ${f.id(id)} ${f.quote(title)}`,
  changedMany: (count) =>
    f.plural(count, {
      one: 'عُدّلت مهمة واحدة',
      two: 'عُدّلت مهمتان',
      few: 'عُدّلت # مهام',
      many: 'عُدّلت # مهمة',
      other: 'عُدّلت # مهمة',
    }),
  undone: (items) => `تم التراجع: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'سبق التراجع عن هذا التغيير.',
  undoLaterChange: (ids) =>
    `عدّل تغييرٌ لاحق في هذه المحادثة ${ids.length === 1 ? 'المهمة' : 'المهام'} ${f.list(ids.map((id) => f.id(id)))} أيضًا، فتراجع عنه أولًا.`,
  taskGone: (id) => `${task(id)} لم تعد موجودة.`,

  failure: {
    max_turns: 'احتاج ذلك إلى خطوات أكثر مما يُسمح لي به في إجابة واحدة. جرّب أن تطلب شيئًا واحدًا في كل مرة.',
    model_busy:
      'نموذج الذكاء الاصطناعي مشغول الآن (طلبات كثيرة جدًا). يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    model_refused:
      'رفض نموذج الذكاء الاصطناعي وصول هذا المساعد (مفتاحه أو النموذج أو الحصة). لن تفيد إعادة المحاولة حتى تُصحَّح إعدادات المساعد.',
    model_unreachable: 'تعذّر الوصول إلى نموذج الذكاء الاصطناعي. يُرجى المحاولة مرة أخرى بعد قليل.',
    model_timeout: `استغرق نموذج الذكاء الاصطناعي وقتًا أطول من اللازم للرد. ${AGAIN}`,
    model_invalid_response: `أرسل نموذج الذكاء الاصطناعي ردًّا لا يمكن استخدامه. ${AGAIN}`,
    model_error: `لم يتمكن المساعد من الرد هذه المرة. ${AGAIN}`,
    tool_error: `لم يتمكن المساعد من الرد هذه المرة. ${AGAIN}`,
    internal: `حدث خطأ من جهتنا. ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `رسائل كثيرة جدًا خلال الدقيقة الأخيرة: يُرجى الانتظار ${f.seconds(seconds)} قبل إرسال رسالة أخرى.`,
};
