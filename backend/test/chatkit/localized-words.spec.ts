import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp } from '../support/users';

const ZONE = { metadata: { timezone: 'Europe/Berlin' } };
/** An RTL catalog isolates a quoted title: "«⁨Buy milk⁩»". */
const rtlQuoted = (title: string) => `«\u2068${title}\u2069»`;

/**
 * The words the server writes itself — tool progress, the Undo bar, the task list and its buttons, notices — in the
 * language of the request's Accept-Language (as ChatKit sends its locale), with the real agent (offline model). The
 * model's own answer and the user's task text are not translated.
 */
describe('server-made words follow Accept-Language (ChatKit, offline model)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  /** One user with a thread: "add buy milk", "add pay rent on friday at 3pm", "show my tasks", in `language`. */
  async function conversation(acceptLanguage?: string) {
    const user = await signUp(t.url, `Words ${acceptLanguage ?? 'none'}`);
    const ck = new ChatKitClient(t.url, user.jwt);
    const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
    const send = async (type: string, params: Record<string, unknown>): Promise<Ev[]> => {
      const res = await ck.stream(type, params, ZONE, headers);
      expect(res.error).toBeUndefined();
      expect(streamProblems(res.events)).toEqual([]);
      return res.events;
    };
    const added = await send('threads.create', { input: userInput('add buy milk') });
    const threadId = added[0].thread.id as string;
    const say = (text: string) =>
      send('threads.add_user_message', { thread_id: threadId, input: userInput(text) });
    const dated = await say('add pay rent on friday at 3pm');
    const listed = await say('show my tasks');
    const list = doneItems(listed).find((i) => i.type === 'widget' && i.widget.type === 'ListView');
    const confirm = await send('threads.custom_action', {
      thread_id: threadId,
      item_id: list.id,
      action: { type: 'task.confirm_delete', payload: { task_id: 1 } },
    });
    return { added, dated, listed, list, confirm, threadId, send };
  }

  it('English without Accept-Language: the texts as before', async () => {
    const { added, dated, list, confirm } = await conversation();
    expect(loadingTitles(added)).toEqual(['Adding “Buy milk”…']);
    expect(workflowTitles(added)).toEqual(['Added “Buy milk” as task 1']);
    expect(undoBar(added)).toEqual({ caption: 'Added task 1 “Buy milk”', button: 'Undo' });
    expect(workflowTitles(dated)[0]).toMatch(
      /^Added “Pay rent” as task 2, due Fri \d{1,2} \S+( \d{4})?, 15:00$/,
    );
    expect(list.widget.status.text).toBe('Your tasks · 0 of 2 done');
    expect(texts(list.widget)).toEqual(
      expect.arrayContaining(['Task 1', 'Open', 'Done', 'Delete', 'Buy milk']),
    );
    expect(texts(list.widget).find((s) => s.startsWith('Task 2 · '))).toMatch(
      /^Task 2 · Due Fri \d{1,2} \S+( \d{4})?, 15:00$/,
    );
    expect(texts(replaced(confirm))).toEqual(
      expect.arrayContaining(['Delete task 1? Saying “undo” brings it back.', 'Yes, delete', 'Cancel']),
    );
  });

  it('Urdu (ur-PK,ur;q=0.9,en;q=0.8): progress, Undo bar, task list and its question in Urdu', async () => {
    const { added, dated, listed, list, confirm } = await conversation('ur-PK,ur;q=0.9,en;q=0.8');
    expect(loadingTitles(added)).toEqual([`${rtlQuoted('Buy milk')} شامل کیا جا رہا ہے…`]);
    expect(workflowTitles(added)).toEqual([`${rtlQuoted('Buy milk')} کام 1 کے طور پر شامل ہو گیا`]);
    expect(undoBar(added)).toEqual({
      caption: `کام 1 ${rtlQuoted('Buy milk')} شامل کیا گیا`,
      button: 'واپس لیں',
    });
    // the due date in Urdu words, in the client's time zone
    expect(workflowTitles(dated)[0]).toMatch(
      new RegExp(
        `^${rtlQuoted('Pay rent')} کام 2 کے طور پر شامل ہو گیا، آخری تاریخ جمعہ، \\d{1,2} .+، 15:00$`,
      ),
    );
    expect(loadingTitles(listed)).toEqual(['آپ کے کام دیکھے جا رہے ہیں…']);
    expect(workflowTitles(listed)).toEqual(['2 کام ملے']);
    expect(list.widget.status.text).toBe('آپ کے کام · 2 میں سے 0 مکمل');
    expect(texts(list.widget)).toEqual(
      expect.arrayContaining(['کام 1', 'باقی', 'مکمل کریں', 'حذف کریں', 'Buy milk', 'Pay rent']),
    );
    expect(texts(replaced(confirm))).toEqual(
      expect.arrayContaining([
        `کام 1 حذف کریں؟ ${rtlQuoted('واپس لو')} کہنے سے یہ واپس آ جائے گا۔`,
        'ہاں، حذف کریں',
        'منسوخ کریں',
      ]),
    );
    // the model answers in the language the user wrote; the task text stays as written
    expect(answer(added)).toContain('Buy milk');
  });

  it('German (de-DE,de;q=0.9): progress, Undo bar and task list in German', async () => {
    const { added, dated, listed, list, confirm } = await conversation('de-DE,de;q=0.9,en;q=0.5');
    expect(loadingTitles(added)).toEqual(['„Buy milk“ wird hinzugefügt…']);
    expect(workflowTitles(added)).toEqual(['„Buy milk“ als Aufgabe 1 hinzugefügt']);
    expect(undoBar(added)).toEqual({ caption: 'Aufgabe 1 „Buy milk“ hinzugefügt', button: 'Rückgängig' });
    expect(workflowTitles(dated)[0]).toMatch(
      /^„Pay rent“ als Aufgabe 2 hinzugefügt, fällig am Fr\., \d{1,2}\. .+, 15:00$/,
    );
    expect(workflowTitles(listed)).toEqual(['2 Aufgaben gefunden']);
    expect(list.widget.status.text).toBe('Deine Aufgaben · 0 von 2 erledigt');
    expect(texts(list.widget)).toEqual(expect.arrayContaining(['Aufgabe 1', 'Offen', 'Erledigt', 'Löschen']));
    expect(texts(list.widget).find((s) => s.startsWith('Aufgabe 2 · '))).toMatch(
      /^Aufgabe 2 · Fällig am Fr\., \d{1,2}\. .+, 15:00$/,
    );
    expect(texts(replaced(confirm))).toEqual(
      expect.arrayContaining([
        'Aufgabe 1 löschen? Mit „rückgängig“ holst du sie zurück.',
        'Ja, löschen',
        'Abbrechen',
      ]),
    );
  });

  it('German: the Undo bar, pressed, says what it undid; pressed again, the notice says why not', async () => {
    const { added, threadId, send } = await conversation('de');
    const bar = doneItems(added).find((i) => i.type === 'widget' && i.widget.id === 'undo');
    const press = () =>
      send('threads.custom_action', {
        thread_id: threadId,
        item_id: bar.id,
        action: {
          type: 'task.undo',
          payload: { batch: bar.widget.children[0].children[2].onClickAction.payload.batch },
        },
      });
    const undone = await press();
    expect(texts(replaced(undone))).toEqual([
      'Rückgängig gemacht: Aufgabe 1 „Buy milk“, die hinzugefügt worden war, wurde entfernt.',
    ]);
    const again = await press();
    expect(again.filter((e) => e.type === 'notice')).toEqual([
      { type: 'notice', level: 'warning', message: 'Diese Änderung wurde bereits rückgängig gemacht.' },
    ]);
  });

  it('Spanish (es-MX, a region we have no catalog of, falls to es): progress, Undo bar and task list', async () => {
    const { added, listed, list } = await conversation('es-MX,es;q=0.9');
    expect(loadingTitles(added)).toEqual(['Añadiendo «Buy milk»…']);
    expect(workflowTitles(added)).toEqual(['Se añadió «Buy milk» como tarea 1']);
    expect(undoBar(added)).toEqual({ caption: 'Se añadió la tarea 1 «Buy milk»', button: 'Deshacer' });
    expect(workflowTitles(listed)).toEqual(['Se encontraron 2 tareas']);
    expect(list.widget.status.text).toBe('Tus tareas · 0 de 2 hechas');
    expect(texts(list.widget)).toEqual(
      expect.arrayContaining(['Tarea 1', 'Pendiente', 'Completar', 'Eliminar']),
    );
  });

  it('a language we do not write (ja) falls back to English', async () => {
    const { added } = await conversation('ja-JP,ja;q=0.9');
    expect(loadingTitles(added)).toEqual(['Adding “Buy milk”…']);
  });
});

function doneItems(events: Ev[]): any[] {
  return events.filter((e) => e.type === 'thread.item.done').map((e) => e.item);
}

/** Titles of the workflow's tasks as first shown (while the tools run). */
function loadingTitles(events: Ev[]): string[] {
  const added = events.filter((e) => e.type === 'thread.item.added' && e.item.type === 'workflow');
  const more = events.filter(
    (e) => e.type === 'thread.item.updated' && e.update.type === 'workflow.task.added',
  );
  return [...added.flatMap((e) => e.item.workflow.tasks), ...more.map((e) => e.update.task)].map(
    (task) => task.title,
  );
}

/** Titles of the finished workflow's tasks (what the tools did). */
function workflowTitles(events: Ev[]): string[] {
  return doneItems(events)
    .filter((i) => i.type === 'workflow')
    .flatMap((i) => i.workflow.tasks.map((task: any) => task.title));
}

function undoBar(events: Ev[]): { caption: string; button: string } {
  const bar = doneItems(events).find((i) => i.type === 'widget' && i.widget.id === 'undo');
  const row = bar.widget.children[0].children;
  return {
    caption: row.find((n: any) => n.type === 'Caption').value,
    button: row.find((n: any) => n.type === 'Button').label,
  };
}

function answer(events: Ev[]): string {
  return doneItems(events)
    .filter((i) => i.type === 'assistant_message')
    .map((i) => i.content[0].text)
    .join('\n');
}

function replaced(events: Ev[]): any {
  return events.find((e) => e.type === 'thread.item.replaced')?.item.widget;
}

/** Every text of a widget tree: values, labels, and its header. */
function texts(node: any): string[] {
  const own = [
    node.value,
    node.label,
    ...String(node.value ?? '')
      .split(' · ')
      .slice(0, 1),
  ].filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set([...own, ...(node.children ?? []).flatMap(texts)])];
}
