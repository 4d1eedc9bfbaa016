import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

const f = new Format({ intl: 'de', quotes: ['„', '“'] });

/** "Aufgabe 3" / "Die Aufgabe" at the start of a sentence. */
const task = (id: number | undefined) => (id === undefined ? 'Die Aufgabe' : `Aufgabe ${f.id(id)}`);
const titled = (title: string | undefined) => (title ? f.quoteShort(title) : 'Aufgabe');
/** "Aufgabe 3 „…“", whatever of the two is known. */
function named(title: string | undefined, id: number | undefined): string {
  if (id === undefined) return titled(title);
  return title ? `Aufgabe ${f.id(id)} ${f.quote(title)}` : `Aufgabe ${f.id(id)}`;
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'Titel',
  description: 'Beschreibung',
  priority: 'Priorität',
  tags: 'Tags',
  due_at: 'Fälligkeit',
  recurrence: 'Wiederholung',
  completed: 'Status',
};

function undoneSentence(c: UndoneItem): string {
  const it = named(c.title, c.taskId);
  if (!c.restored)
    return c.action === 'created'
      ? `${it} gab es schon nicht mehr.`
      : `Die Änderung an ${it} ließ sich nicht rückgängig machen: Sie wurde inzwischen gelöscht.`;
  switch (c.action) {
    case 'created':
      return `${it}, die hinzugefügt worden war, wurde entfernt.`;
    case 'deleted':
      return `${it}, die gelöscht worden war, wurde wiederhergestellt.`;
    case 'completed': {
      const next =
        c.nextRemoved === undefined
          ? ''
          : `; ihre nächste Wiederholung, Aufgabe ${f.id(c.nextRemoved)}, wurde entfernt`;
      return `${it} ist wieder offen${next}.`;
    }
    case 'reopened':
      return `${it} ist wieder erledigt.`;
    case 'updated':
      return `${f.fields(c.fields, FIELDS, 'Details')} von ${it} zurückgesetzt.`;
  }
}

const DONE_TO = {
  created: 'hinzugefügt',
  deleted: 'gelöscht',
  completed: 'erledigt',
  reopened: 'wieder geöffnet',
  updated: 'geändert',
} as const;

const PRIORITY = { high: 'Hohe Priorität', medium: 'Mittlere Priorität', low: 'Niedrige Priorität' } as const;

const AGAIN = 'Bitte versuch es noch einmal.';

/** German (du, as apps usually address people). */
export const de: Messages = {
  adding: (title) => (title ? `${f.quoteShort(title)} wird hinzugefügt…` : 'Die Aufgabe wird hinzugefügt…'),
  lookingUp: (which) =>
    `Deine ${which === 'open' ? 'offenen ' : which === 'completed' ? 'erledigten ' : ''}Aufgaben werden abgerufen…`,
  reopening: (id) => `${task(id)} wird wieder geöffnet…`,
  markingDone: (id) => `${task(id)} wird als erledigt markiert…`,
  rescheduling: (id) => `${task(id)} wird verschoben…`,
  updating: (id) => `${task(id)} wird geändert…`,
  deleting: (id) => `${task(id)} wird gelöscht…`,
  undoing: 'Deine letzte Änderung wird rückgängig gemacht…',
  running: (tool) => `${tool} wird ausgeführt…`,

  couldNotAdd: (title) => `${title ? f.quoteShort(title) : 'Die Aufgabe'} konnte nicht hinzugefügt werden`,
  couldNotList: 'Deine Aufgaben konnten nicht abgerufen werden',
  couldNotUndo: 'Deine letzte Änderung konnte nicht rückgängig gemacht werden',
  couldNotChange: (id) => `${task(id)} konnte nicht geändert werden`,
  couldNotRun: (tool) => `${tool} konnte nicht ausgeführt werden`,

  added: (title, id, due) => {
    const what = title
      ? `${f.quoteShort(title)}${id === undefined ? '' : ` als Aufgabe ${f.id(id)}`}`
      : named(undefined, id);
    return `${what} hinzugefügt${due ? `, fällig am ${f.due(due)}` : ''}`;
  },
  found: (count) =>
    count === 0
      ? 'Keine Aufgaben gefunden'
      : f.plural(count, { one: '# Aufgabe gefunden', other: '# Aufgaben gefunden' }),
  foundNewest: (total, shown) => `${de.found(total)}, die neuesten ${f.n(shown)} werden angezeigt`,
  reopened: (title) => `${titled(title)} wieder geöffnet`,
  completed: (title, nextDue) =>
    `${titled(title)} erledigt${nextDue ? ` — die nächste ist fällig am ${f.due(nextDue)}` : ''}`,
  moved: (title, id, due) => `${named(title, id)} auf ${f.due(due)} verschoben`,
  updated: (title, id) => `${named(title, id)} geändert`,
  deleted: (title) => `${titled(title)} gelöscht`,
  nothingToUndo: 'Nichts rückgängig zu machen',
  ran: (tool) => `${tool} ausgeführt`,

  listStatus: (done, total, overdue) =>
    `Deine Aufgaben · ${f.n(done)} von ${f.n(total)} erledigt${overdue ? ` · ${f.n(overdue)} überfällig` : ''}`,
  taskLabel: (id) => `Aufgabe ${f.id(id)}`,
  dueLabel: (due) => `Fällig am ${f.due(due)}`,
  overdueLabel: (due) => `Überfällig · war fällig am ${f.due(due)}`,
  priorityLabel: PRIORITY,
  badgeDone: 'Erledigt',
  badgeOverdue: 'Überfällig',
  badgeOpen: 'Offen',
  doneButton: 'Erledigt',
  reopenButton: 'Wieder öffnen',
  deleteButton: 'Löschen',
  confirmDelete: (id) => `Aufgabe ${f.id(id)} löschen? Mit ${f.quote('rückgängig')} holst du sie zurück.`,
  yesDelete: 'Ja, löschen',
  cancel: 'Abbrechen',
  noTasksLeft: 'In dieser Liste sind keine Aufgaben mehr.',
  copyDue: (due, overdue) => `${overdue ? 'überfällig, war fällig am' : 'fällig am'} ${f.due(due)}`,
  copyPriority: (priority) => PRIORITY[priority].replace(/^\S/, (c) => c.toLocaleLowerCase('de')),
  copyNoTasks: 'Keine Aufgaben.',

  undoButton: 'Rückgängig',
  changed: (action, id, title) => `Aufgabe ${f.id(id)} ${f.quote(title)} ${DONE_TO[action]}`,
  changedMany: (count) => f.plural(count, { one: '# Aufgabe geändert', other: '# Aufgaben geändert' }),
  undone: (items) => `Rückgängig gemacht: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'Diese Änderung wurde bereits rückgängig gemacht.',
  undoLaterChange: (ids) =>
    `Eine spätere Änderung in diesem Gespräch hat auch ${ids.length === 1 ? 'Aufgabe' : 'die Aufgaben'} ${f.list(ids.map((id) => f.id(id)))} geändert: Mach zuerst diese rückgängig.`,
  taskGone: (id) => `Aufgabe ${f.id(id)} gibt es nicht mehr.`,

  failure: {
    max_turns:
      'Dafür wären mehr Schritte nötig gewesen, als ich in einer Antwort machen darf. Bitte frag nach einer Sache auf einmal.',
    model_busy:
      'Das KI-Modell ist gerade ausgelastet (zu viele Anfragen). Bitte warte einen Moment und versuch es dann noch einmal.',
    model_refused:
      'Das KI-Modell hat den Zugang dieses Assistenten abgelehnt (Schlüssel, Modell oder Kontingent). Ein neuer Versuch hilft erst, wenn die Einstellungen des Assistenten korrigiert sind.',
    model_unreachable: 'Das KI-Modell ist nicht erreichbar. Bitte versuch es gleich noch einmal.',
    model_timeout: `Das KI-Modell hat zu lange für die Antwort gebraucht. ${AGAIN}`,
    model_invalid_response: `Das KI-Modell hat eine unbrauchbare Antwort geschickt. ${AGAIN}`,
    model_error: `Der Assistent konnte diesmal nicht antworten. ${AGAIN}`,
    tool_error: `Der Assistent konnte diesmal nicht antworten. ${AGAIN}`,
    internal: `Bei uns ist etwas schiefgelaufen. ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `Zu viele Nachrichten in der letzten Minute: Bitte warte ${f.seconds(seconds)}, bevor du die nächste sendest.`,
};
