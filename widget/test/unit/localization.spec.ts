import { msg } from '@lit/localize';
import { defaultPrompts, defaultWords } from '../../src/options';
import { currentLocale, onLocaleChange, useLocale } from '../../src/locale/localization';
import { reminderMessage } from '../../src/live/task-events';
import { task } from './task-fixture';

// lit-localize tells `window` when a language is ready; Node has none.
beforeAll(() => Object.assign(globalThis, { window: new EventTarget() }));
afterAll(async () => {
  await useLocale({});
  delete (globalThis as { window?: unknown }).window;
});

describe('the catalogs at run time', () => {
  it('speaks English until a language is chosen', () => {
    expect(currentLocale()).toEqual({ locale: 'en', tag: 'en', source: 'default' });
    expect(defaultWords().heading).toBe('Todo Assistant');
  });

  it('switches every word, the defaults and the reminders to the chosen language, and says so', async () => {
    const told: string[] = [];
    const stop = onLocaleChange((c) => told.push(c.tag));
    await expect(useLocale({ attribute: 'ur-PK' })).resolves.toEqual({
      locale: 'ur',
      tag: 'ur-PK',
      source: 'attribute',
    });
    expect(msg('Sign out')).toBe('سائن آؤٹ');
    expect(defaultWords()).toEqual({
      heading: 'کاموں کا اسسٹنٹ',
      greeting: 'آج کون سے کام نمٹانے ہیں؟',
      placeholder: 'مجھ سے کام شامل کرنے، دکھانے یا مکمل کرنے کو کہیں…',
    });
    expect(defaultPrompts().map((p) => p.prompt)).toEqual([
      'سودا سلف خریدنا شامل کرو',
      'کیا باقی ہے؟',
      'تمام کام دکھائیں',
    ]);

    await useLocale({ attribute: '', site: 'de', browser: ['ur'] });
    const now = new Date('2026-12-10T09:00:00Z');
    expect(
      reminderMessage(
        task({ due_at: '2026-12-12T15:00:00Z', due_date: '2026-12-12', due_time: '15:00', time_zone: 'UTC' }),
        now,
        'de',
      ),
    ).toBe('Erinnerung: „Call mom“ ist am Sa., 12. Dez. um 15:00 fällig');
    stop();
    await useLocale({ browser: ['fr-FR'] });
    expect(msg('Sign out')).toBe('Se déconnecter');
    expect(told).toEqual(['ur-PK', 'de']); // not told after it stopped listening
  });
});
