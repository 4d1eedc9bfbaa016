import { describe, expect, it } from '@jest/globals';
import { isDueWords } from '../../../../tasks/schedule/due-dates';
import { dueWords, takeDue } from './dates';
import { normalize } from './normalize';

const english = (text: string) => dueWords(normalize(text).text);

describe('Urdu due dates → the English words the tools resolve', () => {
  it.each([
    ['کل', 'tomorrow'],
    ['kal', 'tomorrow'],
    ['آج', 'today'],
    ['aaj', 'today'],
    ['parson', 'in 2 days'],
    ['پرسوں', 'in 2 days'],
    ['ترسوں', 'in 3 days'],
    ['agle peer', 'next Monday'],
    ['اگلے پیر کو', 'next Monday'],
    ['is jumma', 'Friday'],
    ['jumeraat tak', 'Thursday'],
    ['اتوار کو', 'Sunday'],
    ['hafte ko', 'Saturday'],
    ['agle hafte', 'next week'],
    ['اگلے مہینے', 'next month'],
    ['mahine ke aakhir tak', 'end of the month'],
    ['3 din baad', 'in 3 days'],
    ['do din mein', 'in 2 days'],
    ['ایک ہفتے بعد', 'in 1 week'],
    ['shaam 5 baje', '5pm'],
    ['subah 9 baje', '9am'],
    ['raat 2 baje', '2am'],
    ['dopahar 12 baje', '12pm'],
    ['saade 4 baje', '4:30pm'],
    ['5:30 baje', '5:30pm'],
    ['10 baje', '10am'],
    ['kal shaam 5 baje', 'tomorrow at 5pm'],
    ['کل صبح ۹ بجے', 'tomorrow at 9am'],
    ['agle peer subah 10 baje tak', 'next Monday at 10am'],
    ['aaj raat', 'tonight'],
    ['kal subah', 'tomorrow morning'],
    ['shaam ko', 'this evening'],
    ['kal 5pm', 'tomorrow at 5pm'],
  ])('%s → %s', (urdu, words) => {
    expect(english(urdu)).toBe(words);
    // The server understands every one of them.
    expect(isDueWords(words)).toBe(true);
  });

  it.each(['kal ki', 'doodh', 'peer sahab', '5', 'hafta', 'baje'])('%s is not a due date', (text) => {
    expect(english(text)).toBeUndefined();
  });

  it('takes the date from the start, the end, or just before the verb of a title', () => {
    expect(takeDue('kal doctor ke paas jana')).toEqual({ text: 'doctor ke paas jana', due: 'tomorrow' });
    expect(takeDue('report bhejni parson tak')).toEqual({ text: 'report bhejni', due: 'in 2 days' });
    expect(takeDue('doctor ke paas kal jana')).toEqual({ text: 'doctor ke paas jana', due: 'tomorrow' });
    expect(takeDue('میٹنگ اگلے پیر کو')).toEqual({ text: 'میٹنگ', due: 'next Monday' });
  });

  it('leaves titles that only mention a day', () => {
    expect(takeDue('kal ki report dekhna')).toEqual({ text: 'kal ki report dekhna' });
    expect(takeDue('doodh khareedna')).toEqual({ text: 'doodh khareedna' });
    expect(takeDue('kal')).toEqual({ text: 'kal' });
  });
});
