import { describe, expect, it } from '@jest/globals';
import { TODO_AGENT_INSTRUCTIONS } from './todo.agent';

/** What a real model must be told (the offline model follows the same rules by construction). */
describe('the agent instructions', () => {
  it('say how to undo: undo_last_change, again for each earlier change', () => {
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/undo_last_change/);
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/further "undo" calls undo_last_change again/);
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/never re-create, reopen or re-edit the task yourself/);
  });

  it('say when to ask: several tasks match a destructive change, or several tasks would be deleted', () => {
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/If several tasks match a change \(above all a destructive one/);
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/Before deleting several tasks at once/);
  });

  it('say to answer in the language and script of the user, and to keep task text as written', () => {
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/Answer in the language and the script the user wrote/);
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/Urdu script to Urdu script, Roman Urdu to Roman Urdu/);
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(/never translate or transliterate them/);
  });

  it('say how to pass a date said in another language: as English words the tool reads', () => {
    expect(TODO_AGENT_INSTRUCTIONS).toMatch(
      /"kal" → "tomorrow", "parson" → "in 2 days", "agle peer" → "next Monday"/,
    );
  });
});
