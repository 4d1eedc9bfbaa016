import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

// Angular quotes first, as the RAE recommends.
const f = new Format({ intl: 'es', quotes: ['«', '»'] });

const task = (id: number | undefined) => (id === undefined ? 'la tarea' : `la tarea ${f.id(id)}`);
const titled = (title: string | undefined) => (title ? f.quoteShort(title) : 'la tarea');
/** "la tarea 3 «…»", whatever of the two is known. */
function named(title: string | undefined, id: number | undefined): string {
  if (id === undefined) return titled(title);
  return title ? `la tarea ${f.id(id)} ${f.quote(title)}` : task(id);
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'título',
  description: 'descripción',
  priority: 'prioridad',
  tags: 'etiquetas',
  due_at: 'fecha límite',
  recurrence: 'repetición',
  completed: 'estado',
};

function undoneSentence(c: UndoneItem): string {
  const it = named(c.title, c.taskId);
  if (!c.restored)
    return c.action === 'created'
      ? `La tarea ${f.id(c.taskId)} ${f.quote(c.title)} ya no existía.`
      : `No se pudo deshacer el cambio en ${it}: se eliminó mientras tanto.`;
  switch (c.action) {
    case 'created':
      return `Se quitó ${it}, que se había añadido.`;
    case 'deleted':
      return `Se restauró ${it}, que se había eliminado.`;
    case 'completed': {
      const next =
        c.nextRemoved === undefined
          ? ''
          : ` y se quitó su siguiente repetición, la tarea ${f.id(c.nextRemoved)}`;
      return `Se reabrió ${it}${next}.`;
    }
    case 'reopened':
      return `La tarea ${f.id(c.taskId)} ${f.quote(c.title)} vuelve a estar hecha.`;
    case 'updated':
      return `Se deshizo el cambio de ${f.fields(c.fields, FIELDS, 'detalles')} en ${it}.`;
  }
}

const DONE_TO = {
  created: 'Se añadió',
  deleted: 'Se eliminó',
  completed: 'Se completó',
  reopened: 'Se reabrió',
  updated: 'Se cambió',
} as const;

const PRIORITY = { high: 'Prioridad alta', medium: 'Prioridad media', low: 'Prioridad baja' } as const;

const AGAIN = 'Vuelve a intentarlo.';

/** Spanish (tuteo, as apps usually address people). */
export const es: Messages = {
  adding: (title) => `Añadiendo ${titled(title)}…`,
  lookingUp: (which) =>
    `Buscando tus tareas${which === 'open' ? ' pendientes' : which === 'completed' ? ' completadas' : ''}…`,
  reopening: (id) => `Reabriendo ${task(id)}…`,
  markingDone: (id) => `Marcando ${task(id)} como hecha…`,
  rescheduling: (id) => `Cambiando la fecha de ${task(id)}…`,
  updating: (id) => `Actualizando ${task(id)}…`,
  deleting: (id) => `Eliminando ${task(id)}…`,
  undoing: 'Deshaciendo tu último cambio…',
  running: (tool) => `Ejecutando ${tool}…`,

  couldNotAdd: (title) => `No se pudo añadir ${titled(title)}`,
  couldNotList: 'No se pudieron mostrar tus tareas',
  couldNotUndo: 'No se pudo deshacer tu último cambio',
  couldNotChange: (id) => `No se pudo cambiar ${task(id)}`,
  couldNotRun: (tool) => `No se pudo ejecutar ${tool}`,

  added: (title, id, due) => {
    const what = title
      ? `${f.quoteShort(title)}${id === undefined ? '' : ` como tarea ${f.id(id)}`}`
      : task(id);
    return `Se añadió ${what}${due ? `, con fecha límite ${f.due(due)}` : ''}`;
  },
  found: (count) =>
    count === 0
      ? 'No se encontraron tareas'
      : f.plural(count, { one: 'Se encontró # tarea', other: 'Se encontraron # tareas' }),
  foundNewest: (total, shown) => `${es.found(total)}; se muestran las ${f.n(shown)} más recientes`,
  reopened: (title) => `Se reabrió ${titled(title)}`,
  completed: (title, nextDue) =>
    `Se completó ${titled(title)}${nextDue ? ` — próxima fecha límite: ${f.due(nextDue)}` : ''}`,
  moved: (title, id, due) => `Se movió ${named(title, id)} a ${f.due(due)}`,
  updated: (title, id) => `Se actualizó ${named(title, id)}`,
  deleted: (title) => `Se eliminó ${titled(title)}`,
  nothingToUndo: 'No hay nada que deshacer',
  ran: (tool) => `Se ejecutó ${tool}`,

  listStatus: (done, total, overdue) =>
    `Tus tareas · ${f.n(done)} de ${f.n(total)} hechas${
      overdue ? ` · ${f.plural(overdue, { one: '# atrasada', other: '# atrasadas' })}` : ''
    }`,
  taskLabel: (id) => `Tarea ${f.id(id)}`,
  dueLabel: (due) => `Vence: ${f.due(due)}`,
  overdueLabel: (due) => `Atrasada · vencía: ${f.due(due)}`,
  priorityLabel: PRIORITY,
  badgeDone: 'Hecha',
  badgeOverdue: 'Atrasada',
  badgeOpen: 'Pendiente',
  doneButton: 'Completar',
  reopenButton: 'Reabrir',
  deleteButton: 'Eliminar',
  confirmDelete: (id) => `¿Eliminar ${task(id)}? Si dices ${f.quote('deshacer')}, vuelve.`,
  yesDelete: 'Sí, eliminar',
  cancel: 'Cancelar',
  noTasksLeft: 'No quedan tareas en esta lista.',
  copyDue: (due, overdue) => (overdue ? `atrasada, vencía: ${f.due(due)}` : `vence: ${f.due(due)}`),
  copyPriority: (priority) => PRIORITY[priority].toLocaleLowerCase('es'),
  copyNoTasks: 'No hay tareas.',

  undoButton: 'Deshacer',
  changed: (action, id, title) => `${DONE_TO[action]} la tarea ${f.id(id)} ${f.quote(title)}`,
  changedMany: (count) => f.plural(count, { one: 'Se cambió # tarea', other: 'Se cambiaron # tareas' }),
  undone: (items) => `Deshecho: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'Ese cambio ya se deshizo.',
  undoLaterChange: (ids) =>
    `Un cambio posterior en esta conversación también modificó ${ids.length === 1 ? 'la tarea' : 'las tareas'} ${f.list(ids.map((id) => f.id(id)))}: deshazlo primero.`,
  taskGone: (id) => `La tarea ${f.id(id)} ya no existe.`,

  failure: {
    max_turns:
      'Eso requería más pasos de los que puedo dar en una sola respuesta. Prueba a pedir una cosa cada vez.',
    model_busy:
      'El modelo de IA está ocupado ahora mismo (demasiadas solicitudes). Espera un momento y vuelve a intentarlo.',
    model_refused:
      'El modelo de IA rechazó el acceso de este asistente (su clave, su modelo o su cuota). Volver a intentarlo no servirá hasta que se corrija la configuración del asistente.',
    model_unreachable: 'No se pudo conectar con el modelo de IA. Vuelve a intentarlo en un momento.',
    model_timeout: `El modelo de IA tardó demasiado en responder. ${AGAIN}`,
    model_invalid_response: `El modelo de IA envió una respuesta que no se pudo usar. ${AGAIN}`,
    model_error: `El asistente no pudo responder esta vez. ${AGAIN}`,
    tool_error: `El asistente no pudo responder esta vez. ${AGAIN}`,
    internal: `Algo salió mal por nuestra parte. ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `Demasiados mensajes en el último minuto: espera ${f.seconds(seconds)} antes de enviar otro.`,
};
