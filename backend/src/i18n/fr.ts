import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

// French typography: guillemets with narrow no-break spaces inside, a no-break space before ":" and a narrow one
// before "?", so they never start a line.
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const f = new Format({ intl: 'fr', quotes: [`«${NNBSP}`, `${NNBSP}»`] });

const task = (id: number | undefined) => (id === undefined ? 'la tâche' : `la tâche ${f.id(id)}`);
const titled = (title: string | undefined) => (title ? f.quoteShort(title) : 'la tâche');
/** "Tâche 3 « … »" at the start of a sentence, whatever of the two is known. */
function subject(title: string | undefined, id: number | undefined): string {
  if (id === undefined) return title ? f.quoteShort(title) : 'Tâche';
  return title ? `Tâche ${f.id(id)} ${f.quote(title)}` : `Tâche ${f.id(id)}`;
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'titre',
  description: 'description',
  priority: 'priorité',
  tags: 'étiquettes',
  due_at: 'échéance',
  recurrence: 'répétition',
  completed: 'état',
};

function undoneSentence(c: UndoneItem): string {
  const it = `la tâche ${f.id(c.taskId)} ${f.quote(c.title)}`;
  if (!c.restored)
    return c.action === 'created'
      ? `La tâche ${f.id(c.taskId)} ${f.quote(c.title)} n’existait déjà plus.`
      : `Impossible d’annuler la modification de ${it}${NBSP}: elle a été supprimée entre-temps.`;
  const It = `La tâche ${f.id(c.taskId)} ${f.quote(c.title)}`;
  switch (c.action) {
    case 'created':
      return `${It}, qui avait été ajoutée, a été retirée.`;
    case 'deleted':
      return `${It}, qui avait été supprimée, a été restaurée.`;
    case 'completed': {
      const next =
        c.nextRemoved === undefined
          ? ''
          : ` et sa prochaine occurrence, la tâche ${f.id(c.nextRemoved)}, retirée`;
      return `${It} a été rouverte${next}.`;
    }
    case 'reopened':
      return `${It} est de nouveau terminée.`;
    case 'updated':
      return `Modification annulée pour ${it} (${f.fields(c.fields, FIELDS, 'détails')}).`;
  }
}

const DONE_TO = {
  created: 'ajoutée',
  deleted: 'supprimée',
  completed: 'terminée',
  reopened: 'rouverte',
  updated: 'modifiée',
} as const;

const PRIORITY = { high: 'Priorité haute', medium: 'Priorité moyenne', low: 'Priorité basse' } as const;

const AGAIN = 'Réessayez.';

/** French (vouvoiement). */
export const fr: Messages = {
  adding: (title) => `Ajout de ${titled(title)}…`,
  lookingUp: (which) =>
    `Recherche de vos tâches${which === 'open' ? ' à faire' : which === 'completed' ? ' terminées' : ''}…`,
  reopening: (id) => `Réouverture de ${task(id)}…`,
  markingDone: (id) => `Marquage de ${task(id)} comme terminée…`,
  rescheduling: (id) => `Changement de l’échéance de ${task(id)}…`,
  updating: (id) => `Modification de ${task(id)}…`,
  deleting: (id) => `Suppression de ${task(id)}…`,
  undoing: 'Annulation de votre dernière modification…',
  running: (tool) => `Exécution de ${tool}…`,

  couldNotAdd: (title) => `Impossible d’ajouter ${titled(title)}`,
  couldNotList: 'Impossible d’afficher vos tâches',
  couldNotUndo: 'Impossible d’annuler votre dernière modification',
  couldNotChange: (id) => `Impossible de modifier ${task(id)}`,
  couldNotRun: (tool) => `Impossible d’exécuter ${tool}`,

  added: (title, id, due) => {
    const what = title
      ? `${f.quoteShort(title)} ajoutée${id === undefined ? '' : ` (tâche ${f.id(id)})`}`
      : `${subject(undefined, id)} ajoutée`;
    return `${what}${due ? `, échéance${NBSP}: ${f.due(due)}` : ''}`;
  },
  found: (count) =>
    count === 0
      ? 'Aucune tâche trouvée'
      : f.plural(count, { one: '# tâche trouvée', other: '# tâches trouvées' }),
  foundNewest: (total, shown) => `${fr.found(total)}, dont les ${f.n(shown)} plus récentes sont affichées`,
  reopened: (title) => `${subject(title, undefined)} rouverte`,
  completed: (title, nextDue) =>
    `${subject(title, undefined)} terminée${nextDue ? ` — prochaine échéance${NBSP}: ${f.due(nextDue)}` : ''}`,
  moved: (title, id, due) => `${subject(title, id)} déplacée au ${f.due(due)}`,
  updated: (title, id) => `${subject(title, id)} modifiée`,
  deleted: (title) => `${subject(title, undefined)} supprimée`,
  nothingToUndo: 'Rien à annuler',
  ran: (tool) => `${tool} exécuté`,

  listStatus: (done, total, overdue) =>
    `Vos tâches · ${f.n(done)} sur ${f.n(total)} ${f.plural(done, { one: 'terminée', other: 'terminées' })}${
      overdue ? ` · ${f.n(overdue)} en retard` : ''
    }`,
  taskLabel: (id) => `Tâche ${f.id(id)}`,
  dueLabel: (due) => `Échéance${NBSP}: ${f.due(due)}`,
  overdueLabel: (due) => `En retard · échéance${NBSP}: ${f.due(due)}`,
  priorityLabel: PRIORITY,
  badgeDone: 'Terminée',
  badgeOverdue: 'En retard',
  badgeOpen: 'À faire',
  doneButton: 'Terminer',
  reopenButton: 'Rouvrir',
  deleteButton: 'Supprimer',
  confirmDelete: (id) => `Supprimer ${task(id)}${NNBSP}? Dites ${f.quote('annuler')} pour la récupérer.`,
  yesDelete: 'Oui, supprimer',
  cancel: 'Annuler',
  noTasksLeft: 'Plus aucune tâche dans cette liste.',
  copyDue: (due, overdue) => `${overdue ? 'en retard, échéance' : 'échéance'}${NBSP}: ${f.due(due)}`,
  copyPriority: (priority) => PRIORITY[priority].toLocaleLowerCase('fr'),
  copyNoTasks: 'Aucune tâche.',

  undoButton: 'Annuler',
  changed: (action, id, title) => `Tâche ${f.id(id)} ${f.quote(title)} ${DONE_TO[action]}`,
  changedMany: (count) => f.plural(count, { one: '# tâche modifiée', other: '# tâches modifiées' }),
  undone: (items) => `Annulé${NBSP}: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'Cette modification a déjà été annulée.',
  undoLaterChange: (ids) =>
    `Une modification ultérieure dans cette conversation a aussi changé ${ids.length === 1 ? 'la tâche' : 'les tâches'} ${f.list(ids.map((id) => f.id(id)))}${NBSP}: annulez-la d’abord.`,
  taskGone: (id) => `La tâche ${f.id(id)} n’existe plus.`,

  failure: {
    max_turns:
      'Cela demandait plus d’étapes que je ne peux en faire en une seule réponse. Essayez de demander une chose à la fois.',
    model_busy:
      'Le modèle d’IA est occupé pour le moment (trop de requêtes). Patientez un instant, puis réessayez.',
    model_refused:
      'Le modèle d’IA a refusé l’accès de cet assistant (sa clé, son modèle ou son quota). Réessayer n’y changera rien tant que les réglages de l’assistant ne seront pas corrigés.',
    model_unreachable: 'Impossible de joindre le modèle d’IA. Réessayez dans un instant.',
    model_timeout: `Le modèle d’IA a mis trop de temps à répondre. ${AGAIN}`,
    model_invalid_response: `Le modèle d’IA a envoyé une réponse inutilisable. ${AGAIN}`,
    model_error: `L’assistant n’a pas pu répondre cette fois-ci. ${AGAIN}`,
    tool_error: `L’assistant n’a pas pu répondre cette fois-ci. ${AGAIN}`,
    internal: `Un problème est survenu de notre côté. ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `Trop de messages au cours de la dernière minute${NBSP}: patientez ${f.seconds(seconds)} avant d’en envoyer un autre.`,
};
