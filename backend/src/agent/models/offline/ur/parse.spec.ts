import { describe, expect, it } from '@jest/globals';
import { readMessage } from '../intent-parser';
import { rankLanguages } from '../languages';
import { normalize, restore } from './normalize';
import { parseUrdu } from './parse';

describe('parseUrdu', () => {
  it.each([
    ['دودھ خریدنا لسٹ میں ڈال دو', { kind: 'add', tasks: [{ title: 'دودھ خریدنا' }] }],
    [
      'kal doctor ke paas jana add karo',
      { kind: 'add', tasks: [{ title: 'doctor ke paas jana', fields: { due: 'tomorrow' } }] },
    ],
    ['Doodh Khareedna add karo', { kind: 'add', tasks: [{ title: 'Doodh Khareedna' }] }],
    ['meri list dikhao', { kind: 'list', status: 'all' }],
    ['کیا باقی ہے؟', { kind: 'list', status: 'pending' }],
    ['mukammal kaam dikhao', { kind: 'list', status: 'completed' }],
    [
      'task 3 complete karo',
      { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'ids', ids: [3] } },
    ],
    [
      'کام ۳ اور ۴ مکمل کرو',
      { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'ids', ids: [3, 4] } },
    ],
    [
      'doodh wala kaam ho gaya',
      { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'words', query: 'doodh' } },
    ],
    [
      'task 2 dobara kholo',
      { kind: 'act', action: { verb: 'complete', completed: false }, target: { by: 'ids', ids: [2] } },
    ],
    [
      'دودھ والا کام مٹا دو',
      { kind: 'act', action: { verb: 'delete' }, target: { by: 'words', query: 'دودھ' } },
    ],
    ['اسے مٹا دو', { kind: 'act', action: { verb: 'delete' }, target: { by: 'focus' } }],
    [
      'iska naam chai rakh do',
      { kind: 'act', action: { verb: 'update', title: 'chai' }, target: { by: 'focus' } },
    ],
    ['doosra wala mita do', { kind: 'act', action: { verb: 'delete' }, target: { by: 'ordinal', n: 2 } }],
    ['sab kuch mita do', { kind: 'act', action: { verb: 'delete' }, target: { by: 'everything' } }],
    ['mukammal kaam mita do', { kind: 'clear_completed' }],
    [
      'task 2 ki tareekh agle peer kar do',
      {
        kind: 'act',
        action: { verb: 'set', change: { due: 'next Monday' } },
        target: { by: 'ids', ids: [2] },
      },
    ],
    ['undo karo', { kind: 'undo' }],
    ['ہاں', { kind: 'choice', choice: { by: 'yes' } }],
    ['nahi rehne do', { kind: 'choice', choice: { by: 'no' } }],
    ['دونوں', { kind: 'choice', choice: { by: 'all' } }],
    ['shukriya', { kind: 'thanks' }],
    ['خدا حافظ', { kind: 'bye' }],
  ])('%s', (text, intent) => {
    expect(parseUrdu(text)).toEqual(intent);
  });

  it('reads two commands joined by "aur"', () => {
    expect(parseUrdu('task 1 mukammal karo aur doodh add karo')).toEqual({
      kind: 'sequence',
      parts: [
        { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'ids', ids: [1] } },
        { kind: 'add', tasks: [{ title: 'doodh' }] },
      ],
    });
  });

  it('keeps "aur" inside a title', () => {
    expect(parseUrdu('doodh aur anday lena add karo')).toEqual({
      kind: 'add',
      tasks: [{ title: 'doodh aur anday lena' }],
    });
  });
});

describe('which language a message is in', () => {
  const first = (text: string, previous?: Parameters<typeof rankLanguages>[1]) =>
    rankLanguages(text, previous)[0].code;

  it('knows Urdu script by its letters and Roman Urdu by its words', () => {
    expect(first('دودھ خریدنا لسٹ میں ڈال دو')).toBe('ur');
    expect(first('task 3 مکمل کرو')).toBe('ur');
    expect(first('kal doctor ke paas jana add karo')).toBe('ur-Latn');
    expect(first('doodh wala kaam ho gaya')).toBe('ur-Latn');
    expect(first('Add a task to buy groceries')).toBe('en');
    expect(first('Schedule the peer review for Friday')).toBe('en');
  });

  it('keeps the previous language when a message has no clear sign of one', () => {
    const urdu = readMessage('کیا باقی ہے؟').language;
    const roman = readMessage('kya baqi hai?').language;
    expect(readMessage('2', urdu).language.code).toBe('ur');
    expect(readMessage('2', roman).language.code).toBe('ur-Latn');
    expect(readMessage('2').language.code).toBe('en');
    expect(readMessage('dhobi se kapre lena', roman).language.code).toBe('ur-Latn');
  });

  it('reads a message in the next language when the likeliest cannot', () => {
    // "kal ki" hints at Roman Urdu, but only the English rules read the command.
    expect(rankLanguages('add kal ki meeting notes')[0].code).toBe('ur-Latn');
    expect(readMessage('add kal ki meeting notes')).toMatchObject({
      language: { code: 'en' },
      intent: { kind: 'add', tasks: [{ title: 'Kal ki meeting notes' }] },
    });
  });
});

describe('normalize', () => {
  it('reads one spelling and gives titles back as written', () => {
    const n = normalize('Doodh  Khareedna ADD karo');
    expect(n.text).toBe('doodh khareedna add karo');
    expect(restore(n, 'doodh khareedna')).toBe('Doodh  Khareedna');
    const arabic = normalize('كتاب ۲ لينا');
    expect(arabic.text).toBe('کتاب 2 لینا');
    expect(restore(arabic, 'کتاب 2 لینا')).toBe('كتاب ۲ لينا');
    expect(normalize('اسکا نام').text).toBe('اس کا نام');
    expect(normalize('iska naam').text).toBe('is ka naam');
  });
});
