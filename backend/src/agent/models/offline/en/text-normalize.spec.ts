import { describe, expect, it } from '@jest/globals';
import {
  correctTypos,
  editDistance,
  isShouting,
  parseNumber,
  parseOrdinal,
  stem,
  stripQuotes,
  toTitle,
  words,
} from './text-normalize';
import { stripPoliteness } from './chatter';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('delete', 'delete')).toBe(0);
    expect(editDistance('delte', 'delete')).toBe(1);
    expect(editDistance('compelte', 'complete')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyz123', 1)).toBe(2); // cut off above max
  });
});

describe('correctTypos', () => {
  it.each([
    ['delte task 2', 'delete task 2'],
    ['Add tsk Buy Milk', 'Add task Buy Milk'],
    ['mark taks 3 done', 'mark task 3 done'],
    ['shwo my tasks', 'show my tasks'],
    ['mrak 2 as dnoe', 'mark 2 as done'],
    ['compelte task 1', 'complete task 1'],
    ['show my pnding tasks', 'show my pending tasks'],
    ['plese remvoe it', 'please remove it'],
  ])('%s → %s', (input, output) => {
    expect(correctTypos(input)).toBe(output);
  });

  it.each([
    'fix the remote',
    'compete in the race',
    'track spending',
    'change the charge',
    'load the crate',
    'make dinner',
  ])('leaves real words alone: %s', (input) => {
    expect(correctTypos(input)).toBe(input);
  });
});

describe('stripPoliteness', () => {
  it.each([
    ['Could you please mark task 3 as done?', 'mark task 3 as done'],
    ['pls delete task 2 thx', 'delete task 2'],
    ['Hey there, could you add milk to my list please?', 'add milk to my list'],
    ['would you mind adding call mom', 'adding call mom'],
    ['oh wait, it is not done', 'it is not done'],
    ['show my tasks now!!!', 'show my tasks'],
  ])('%s → %s', (input, output) => {
    expect(stripPoliteness(input)).toBe(output);
  });

  it('keeps a message that is nothing but politeness', () => {
    expect(stripPoliteness('thanks!')).toBe('thanks');
    expect(stripPoliteness('hi there')).toBe('hi there');
  });
});

describe('titles', () => {
  it('capitalises the first letter, strips quotes and trailing punctuation', () => {
    expect(toTitle('buy groceries.', false)).toBe('Buy groceries');
    expect(toTitle("'Call mom tonight'", false)).toBe('Call mom tonight');
    expect(toTitle('“Prepare slides”!', false)).toBe('Prepare slides');
    expect(toTitle('buy Milk', false)).toBe('Buy Milk');
  });

  it('does not keep shouted capitals', () => {
    expect(isShouting('ADD BUY NEW SHOES')).toBe(true);
    expect(isShouting('Add Buy Milk')).toBe(false);
    expect(toTitle('BUY NEW SHOES', true)).toBe('Buy new shoes');
  });

  it('strips one pair of matching quotes', () => {
    expect(stripQuotes('"a"')).toBe('a');
    expect(stripQuotes("mom's")).toBe("mom's");
  });
});

describe('numbers, ordinals, stems', () => {
  it('parses numbers and ordinals', () => {
    expect(parseNumber('#3')).toBe(3);
    expect(parseNumber('three')).toBe(3);
    expect(parseNumber('many')).toBeUndefined();
    expect(parseOrdinal('second')).toBe(2);
    expect(parseOrdinal('3rd')).toBe(3);
    expect(parseOrdinal('last')).toBe(-1);
  });

  it('stems inflections and irregular verbs to the same form', () => {
    expect(stem('meeting')).toBe(stem('meetings'));
    expect(stem('meeting')).toBe(stem('meet'));
    expect(stem('called')).toBe(stem('call'));
    expect(stem('bought')).toBe(stem('buy'));
    expect(stem('groceries')).toBe(stem('grocery'));
    expect(stem('baked')).toBe(stem('bake'));
    expect(stem('mopped')).toBe(stem('mop'));
    expect(stem('dressed')).toBe(stem('dress'));
    expect(words("Mom's birthday, 2 gifts!")).toEqual(['mom', 'birthday', '2', 'gifts']);
  });
});
