import type { Messages, UndoneItem } from './catalog';
import { LANGUAGES } from './language';
import { CATALOGS, messagesFor } from './messages';

type Fn = (...args: never[]) => string;

/** Arguments to call every text with, covering its branches; a text without an entry here does not compile. */
const SAMPLES: { [K in keyof Messages]: Messages[K] extends Fn ? Array<Parameters<Messages[K]>> : null } = {
  adding: [['Buy milk'], [undefined]],
  lookingUp: [['all'], ['open'], ['completed']],
  reopening: [[3], [undefined]],
  markingDone: [[3], [undefined]],
  rescheduling: [[3], [undefined]],
  updating: [[3], [undefined]],
  deleting: [[3], [undefined]],
  undoing: null,
  running: [['search_web']],
  couldNotAdd: [['Buy milk'], [undefined]],
  couldNotList: null,
  couldNotUndo: null,
  couldNotChange: [[3], [undefined]],
  couldNotRun: [['search_web']],
  added: [
    ['Buy milk', 1, 'Fri 11 Dec, 15:00'],
    ['Buy milk', 1, undefined],
    ['Buy milk', undefined, 'Sat 11 Dec 2027'],
    [undefined, 4, undefined],
    [undefined, undefined, undefined],
  ],
  found: [[0], [1], [2], [3], [11], [100], [1234]],
  foundNewest: [[120, 100]],
  reopened: [['Buy milk'], [undefined]],
  completed: [
    ['Buy milk', 'Mon 14 Dec'],
    ['Buy milk', undefined],
    [undefined, undefined],
  ],
  moved: [
    ['Buy milk', 3, 'Fri 11 Dec, 15:00'],
    ['Buy milk', undefined, 'Fri 11 Dec'],
    [undefined, 3, 'Fri 11 Dec'],
  ],
  updated: [
    ['Buy milk', 3],
    ['Buy milk', undefined],
    [undefined, 3],
  ],
  deleted: [['Buy milk'], [undefined]],
  nothingToUndo: null,
  ran: [['search_web']],
  listStatus: [
    [1, 3, 0],
    [0, 1, 1],
    [2, 12, 5],
  ],
  taskLabel: [[3]],
  dueLabel: [['Fri 11 Dec, 15:00']],
  overdueLabel: [['Mon 7 Dec']],
  priorityLabel: null,
  badgeDone: null,
  badgeOverdue: null,
  badgeOpen: null,
  doneButton: null,
  reopenButton: null,
  deleteButton: null,
  confirmDelete: [[3]],
  yesDelete: null,
  cancel: null,
  noTasksLeft: null,
  copyDue: [
    ['Fri 11 Dec', false],
    ['Mon 7 Dec', true],
  ],
  copyPriority: [['high'], ['medium'], ['low']],
  copyNoTasks: null,
  undoButton: null,
  changed: [
    ['created', 2, 'Team meeting'],
    ['deleted', 2, 'Team meeting'],
    ['completed', 2, 'Team meeting'],
    ['reopened', 2, 'Team meeting'],
    ['updated', 2, 'Team meeting'],
  ],
  changedMany: [[4], [11], [101]],
  undone: [
    [
      (
        [
          { action: 'created', restored: true },
          { action: 'created', restored: false },
          { action: 'deleted', restored: true },
          { action: 'deleted', restored: false },
          { action: 'completed', restored: true, nextRemoved: 5 },
          { action: 'completed', restored: true },
          { action: 'reopened', restored: true },
          { action: 'updated', restored: true, fields: ['title', 'due_at', 'due_all_day'] },
          { action: 'updated', restored: true, fields: ['tags'] },
          { action: 'updated', restored: true, fields: [] },
        ] as const
      ).map((c): UndoneItem => ({ taskId: 2, title: 'Team meeting', fields: [], ...c })),
    ],
  ],
  undoAlreadyDone: null,
  undoLaterChange: [[[3]], [[3, 4]]],
  taskGone: [[3]],
  failure: null,
  rateLimited: [[1], [42]],
};

/** Every text a catalog can produce, by key (`key#n` for the n-th sample call). */
function texts(m: Messages): Array<[string, string]> {
  return (Object.keys(SAMPLES) as Array<keyof Messages>).flatMap((key): Array<[string, string]> => {
    const value = m[key] as unknown;
    if (typeof value === 'string') return [[key, value]];
    if (typeof value === 'function') {
      const calls = SAMPLES[key] as unknown as unknown[][];
      return calls.map((args, i) => [`${key}#${i}`, (value as (...a: unknown[]) => string)(...args)]);
    }
    return Object.entries(value as Record<string, string>).map(([k, v]): [string, string] => [
      `${key}.${k}`,
      v,
    ]);
  });
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
/** Latin words in a text of a right-to-left catalog, minus what the samples put there (titles, tools, dates). */
const foreignWords = (text: string) =>
  text
    .replace(/Buy milk|Team meeting|search_web|Fri 11 Dec|Sat 11 Dec 2027|Mon 14 Dec|Mon 7 Dec/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

describe('server message catalogs', () => {
  const english = Object.keys(CATALOGS.en).sort();

  it.each(LANGUAGES)('%s has exactly the keys of the English catalog', (language) => {
    expect(Object.keys(CATALOGS[language]).sort()).toEqual(english);
    // and every key is sampled below
    expect(Object.keys(SAMPLES).sort()).toEqual(english);
  });

  it.each(LANGUAGES)('%s: no text is empty, unfinished or left with a placeholder', (language) => {
    for (const [key, text] of texts(CATALOGS[language])) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, text]).not.toEqual([key, expect.stringMatching(/undefined|NaN|null|\[object|#|\$\{/)]);
    }
  });

  it.each(['ur', 'ar'] as const)(
    '%s is written in Arabic script, without English words of its own',
    (language) => {
      for (const [key, text] of texts(CATALOGS[language])) {
        expect([key, ARABIC_SCRIPT.test(text)]).toEqual([key, true]);
        expect([key, foreignWords(text)]).toEqual([key, []]);
      }
    },
  );

  it.each(['ur', 'ar', 'es', 'fr', 'de'] as const)('%s differs from English in every text', (language) => {
    const en = new Map(texts(CATALOGS.en));
    for (const [key, text] of texts(CATALOGS[language])) expect([key, text]).not.toEqual([key, en.get(key)]);
  });

  it('falls back to English without a language', () => {
    expect(messagesFor(undefined)).toBe(CATALOGS.en);
  });
});

describe('what the catalogs say', () => {
  const { en, ur, ar, es, fr, de } = CATALOGS;

  it('English keeps the texts clients and tests know', () => {
    expect(en.adding('Buy milk')).toBe('Adding “Buy milk”…');
    expect(en.added('Buy milk', 1, 'Fri 11 Dec')).toBe('Added “Buy milk” as task 1, due Fri 11 Dec');
    expect(en.found(0)).toBe('No tasks found');
    expect(en.found(1)).toBe('Found 1 task');
    expect(en.foundNewest(120, 100)).toBe('Found 120 tasks, showing the newest 100');
    expect(en.undoLaterChange([3, 4])).toBe(
      'A later change in this conversation also changed tasks 3, 4: undo that one first.',
    );
    expect(en.rateLimited(42)).toBe(
      'Too many messages in the last minute: please wait 42 s before sending another.',
    );
    expect(en.adding('x'.repeat(80))).toBe(`Adding “${'x'.repeat(59)}…”…`);
  });

  it('quotes as each script does, isolating a quoted title inside right-to-left text', () => {
    expect(de.adding('Buy milk')).toBe('„Buy milk“ wird hinzugefügt…');
    expect(fr.adding('Buy milk')).toBe('Ajout de «\u202fBuy milk\u202f»…');
    expect(es.adding('Buy milk')).toBe('Añadiendo «Buy milk»…');
    expect(ur.adding('Buy milk')).toBe('«\u2068Buy milk\u2069» شامل کیا جا رہا ہے…');
    expect(ar.adding('Buy milk')).toBe('جارٍ إضافة «\u2068Buy milk\u2069»…');
  });

  it('counts with the plural rules of each language', () => {
    expect([1, 2, 3, 11, 100].map((n) => ar.found(n))).toEqual([
      'عُثر على مهمة واحدة',
      'عُثر على مهمتين',
      'عُثر على 3 مهام',
      'عُثر على 11 مهمة',
      'عُثر على 100 مهمة',
    ]);
    expect([1, 2].map((n) => ur.found(n))).toEqual(['1 کام ملا', '2 کام ملے']);
    expect([1, 2].map((n) => de.found(n))).toEqual(['1 Aufgabe gefunden', '2 Aufgaben gefunden']);
    expect(de.found(1234)).toBe('1.234 Aufgaben gefunden');
    expect(fr.listStatus(1, 3, 0)).toBe('Vos tâches · 1 sur 3 terminée');
    expect(fr.listStatus(2, 3, 0)).toBe('Vos tâches · 2 sur 3 terminées');
  });

  it('writes due dates, lists and durations in the language', () => {
    expect(de.dueLabel('Fri 11 Dec, 15:00')).toBe('Fällig am Fr., 11. Dez., 15:00');
    expect(es.dueLabel('Sat 11 Dec 2027')).toBe('Vence: sáb, 11 dic 2027');
    expect(ur.dueLabel('Fri 11 Dec')).toBe('آخری تاریخ جمعہ، 11 دسمبر');
    expect(ar.dueLabel('Fri 11 Dec')).toContain('الجمعة');
    // text that is not a due date as the tools write it is kept
    expect(de.dueLabel('someday')).toBe('Fällig am someday');
    expect(de.undoLaterChange([3, 4])).toContain('die Aufgaben 3 und 4');
    expect(de.rateLimited(30)).toContain('30 Sekunden');
    expect(ur.rateLimited(30)).toContain('30 سیکنڈ');
  });
});
