import type { StreamEvent, ThreadItem } from '../../src/builtin/protocol';
import { applyEvent, itemsThrough, textOf } from '../../src/builtin/thread-state';

const at = '2026-12-06T08:00:00.000Z';
const user: ThreadItem = {
  id: 'u1',
  thread_id: 't',
  created_at: at,
  type: 'user_message',
  content: [{ type: 'input_text', text: 'add milk' }],
};
const assistant: ThreadItem = {
  id: 'a1',
  thread_id: 't',
  created_at: at,
  type: 'assistant_message',
  content: [],
};

function run(events: StreamEvent[], items: ThreadItem[] = []): ThreadItem[] {
  return events.reduce(applyEvent, items);
}

describe('applyEvent', () => {
  it('builds an assistant message from added → deltas → done exactly as the protocol streams it', () => {
    const items = run([
      { type: 'thread.item.done', item: user },
      { type: 'thread.item.added', item: assistant },
      {
        type: 'thread.item.updated',
        item_id: 'a1',
        update: {
          type: 'assistant_message.content_part.added',
          content_index: 0,
          content: { type: 'output_text', text: '', annotations: [] },
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'a1',
        update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'Added ' },
      },
      {
        type: 'thread.item.updated',
        item_id: 'a1',
        update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'task 1.' },
      },
    ]);
    expect(items.map((i) => i.id)).toEqual(['u1', 'a1']);
    expect(textOf(items[1])).toBe('Added task 1.');
    const done = run(
      [
        {
          type: 'thread.item.done',
          item: { ...assistant, content: [{ type: 'output_text', text: 'Added task 1.', annotations: [] }] },
        },
      ],
      items,
    );
    expect(done).toHaveLength(2);
    expect(textOf(done[1])).toBe('Added task 1.');
  });

  it('adds and updates workflow tasks by index', () => {
    const wf: ThreadItem = {
      id: 'w',
      thread_id: 't',
      created_at: at,
      type: 'workflow',
      workflow: { type: 'custom', tasks: [] },
    };
    const items = run([
      { type: 'thread.item.added', item: wf },
      {
        type: 'thread.item.updated',
        item_id: 'w',
        update: {
          type: 'workflow.task.added',
          task_index: 0,
          task: { type: 'custom', title: 'Adding “Milk”…', status_indicator: 'loading' },
        },
      },
      {
        type: 'thread.item.updated',
        item_id: 'w',
        update: {
          type: 'workflow.task.updated',
          task_index: 0,
          task: { type: 'custom', title: 'Added “Milk” as task 1', status_indicator: 'complete' },
        },
      },
    ]);
    expect(items[0]).toMatchObject({
      workflow: { tasks: [{ title: 'Added “Milk” as task 1', status_indicator: 'complete' }] },
    });
  });

  it('replaces a widget in place (root update, replaced item) and streams text into a node by id', () => {
    const widget: ThreadItem = {
      id: 'x',
      thread_id: 't',
      created_at: at,
      type: 'widget',
      widget: { type: 'Card', children: [{ type: 'Markdown', id: 'md', value: '' }] },
    };
    let items = run([
      { type: 'thread.item.done', item: user },
      { type: 'thread.item.added', item: widget },
      {
        type: 'thread.item.updated',
        item_id: 'x',
        update: { type: 'widget.streaming_text.value_delta', component_id: 'md', delta: 'Hel', done: false },
      },
      {
        type: 'thread.item.updated',
        item_id: 'x',
        update: { type: 'widget.streaming_text.value_delta', component_id: 'md', delta: 'lo', done: true },
      },
    ]);
    expect(items[1]).toMatchObject({ widget: { children: [{ value: 'Hello' }] } });
    items = run(
      [
        {
          type: 'thread.item.updated',
          item_id: 'x',
          update: { type: 'widget.root.updated', widget: { type: 'ListView', children: [] } },
        },
      ],
      items,
    );
    expect(items[1]).toMatchObject({ widget: { type: 'ListView' } });
    items = run(
      [{ type: 'thread.item.replaced', item: { ...widget, widget: { type: 'Card', children: [] } } }],
      items,
    );
    expect(items.map((i) => i.id)).toEqual(['u1', 'x']);
    expect(items[1]).toMatchObject({ widget: { type: 'Card', children: [] } });
  });

  it('ignores updates for unknown items and replacements of items it never saw', () => {
    const items = [user];
    expect(
      run(
        [
          {
            type: 'thread.item.updated',
            item_id: 'nope',
            update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'x' },
          },
        ],
        items,
      ),
    ).toBe(items);
    expect(run([{ type: 'thread.item.replaced', item: assistant }], items)).toEqual([user]);
    expect(run([{ type: 'progress_update', text: 'Working' }], items)).toBe(items);
  });

  it('removes items, and keeps only what precedes a retried message', () => {
    const items = run([
      { type: 'thread.item.done', item: user },
      { type: 'thread.item.done', item: assistant },
    ]);
    expect(run([{ type: 'thread.item.removed', item_id: 'a1' }], items)).toEqual([user]);
    expect(itemsThrough(items, 'u1')).toEqual([user]);
  });
});
