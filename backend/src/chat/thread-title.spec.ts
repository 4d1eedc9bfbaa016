import { titleFromMessage } from './thread-title';

describe('titleFromMessage', () => {
  it('capitalizes a short message and flattens its whitespace', () => {
    expect(titleFromMessage('  add buy milk\n tomorrow ')).toBe('Add buy milk tomorrow');
  });

  it('cuts a long message at a word boundary, within 60 characters', () => {
    const title = titleFromMessage(
      'remind me to call the plumber about the leaking kitchen tap before the weekend please',
    );
    expect(title).toBe('Remind me to call the plumber about the leaking kitchen tap…');
    expect(Array.from(title!).length).toBeLessThanOrEqual(60);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const title = titleFromMessage('🙂'.repeat(80))!;
    expect(Array.from(title)).toHaveLength(60);
    expect(title.endsWith('🙂…')).toBe(true);
  });

  it('gives no title for a blank message', () => {
    expect(titleFromMessage(' \n\t ')).toBeNull();
  });
});
