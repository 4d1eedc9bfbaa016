import { parseShownDue } from '../tasks/schedule/due-dates';

/** The forms of a counted phrase by plural category (Intl.PluralRules); `#` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface FormatOptions {
  /** BCP 47 tag for Intl (numbers, plurals, lists, dates). */
  intl: string;
  /** Opening and closing quotation marks. */
  quotes: readonly [string, string];
  /**
   * Right-to-left script: text quoted inside a sentence is isolated (FSI…PDI), so a Latin title, its digits and
   * punctuation keep their order inside the sentence around them.
   */
  rtl?: boolean;
  /** Keep due dates in the words the tools wrote (English, whose words they are). */
  keepDates?: boolean;
}

/** Characters of a title quoted in a progress line; a longer one is cut with "…". */
const SHORT_QUOTE = 60;

/** A UTC date that falls on `weekday` on that day and month (only its weekday, day and month are shown). */
function dateOnWeekday(day: number, month: number, weekday: number): Date {
  // The weekdays of a day and month repeat every 28 years (leap years included) within 1901–2099.
  for (let year = 2024; year < 2052; year++) {
    const at = new Date(Date.UTC(year, month - 1, day));
    if (at.getUTCMonth() === month - 1 && at.getUTCDay() === weekday) return at;
  }
  return new Date(Date.UTC(2024, month - 1, day));
}

/**
 * Number, plural, list, quotation and date formatting for one language, handed to its catalog (Intl does the
 * locale work: digits, plural rules, list conjunctions, month and weekday names).
 */
export class Format {
  private readonly numbers: Intl.NumberFormat;
  private readonly ids: Intl.NumberFormat;
  private readonly plurals: Intl.PluralRules;
  private readonly lists: Intl.ListFormat;
  private readonly secondsFormat: Intl.NumberFormat;
  private readonly dates = new Map<string, Intl.DateTimeFormat>();

  constructor(private readonly options: FormatOptions) {
    this.numbers = new Intl.NumberFormat(options.intl);
    this.ids = new Intl.NumberFormat(options.intl, { useGrouping: false });
    this.plurals = new Intl.PluralRules(options.intl);
    this.lists = new Intl.ListFormat(options.intl, { type: 'conjunction' });
    this.secondsFormat = new Intl.NumberFormat(options.intl, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'long',
    });
  }

  /** A count: "1,234" / "1.234" / "1 234". */
  n(value: number): string {
    return this.numbers.format(value);
  }

  /** A task number, never grouped (people type it back: "task 1234"). */
  id(value: number): string {
    return this.ids.format(value);
  }

  /** The form of `forms` for `count` in this language, `#` replaced by the count. */
  plural(count: number, forms: PluralForms): string {
    return (forms[this.plurals.select(count)] ?? forms.other).replace('#', this.n(count));
  }

  /** "A, B and C" as this language joins them. */
  list(items: readonly string[]): string {
    return this.lists.format(items);
  }

  /**
   * The task fields an undone edit set back ("title and due date"), by this language's `words` for them (fields
   * without a word, such as `due_all_day`, go with another); `none` when no field has one.
   */
  fields(fields: readonly string[], words: Readonly<Record<string, string>>, none: string): string {
    const named = [...new Set(fields.map((k) => words[k]).filter((w): w is string => !!w))];
    return named.length ? this.list(named) : none;
  }

  /** "30 seconds", in this language's words and plural. */
  seconds(value: number): string {
    return this.secondsFormat.format(value);
  }

  /** Text quoted in a sentence, whole. */
  quote(text: string): string {
    const [open, close] = this.options.quotes;
    return this.options.rtl ? `${open}\u2068${text}\u2069${close}` : `${open}${text}${close}`;
  }

  /** A title quoted in a one-line progress text: at most 60 characters, cut with "…". */
  quoteShort(text: string): string {
    const chars = Array.from(text); // code points: never split a surrogate pair
    return this.quote(chars.length > SHORT_QUOTE ? `${chars.slice(0, SHORT_QUOTE - 1).join('')}…` : text);
  }

  /**
   * A due date as the tools word it ("Fri 12 Dec, 15:00", in the user's time zone) in this language's words
   * ("Fr., 12. Dez., 15:00"); text in any other form is kept as it is.
   */
  due(text: string): string {
    if (this.options.keepDates) return text;
    const shown = parseShownDue(text);
    if (!shown) return text;
    const at = shown.year
      ? new Date(Date.UTC(shown.year, shown.month - 1, shown.day))
      : dateOnWeekday(shown.day, shown.month, shown.weekday);
    if (shown.time) at.setUTCHours(shown.time.hour, shown.time.minute);
    return this.dateFormat(shown.year !== undefined, shown.time !== undefined).format(at);
  }

  private dateFormat(withYear: boolean, withTime: boolean): Intl.DateTimeFormat {
    const key = `${withYear} ${withTime}`;
    let f = this.dates.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(this.options.intl, {
        timeZone: 'UTC', // the parts are wall-clock time already
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        ...(withYear ? { year: 'numeric' } : {}),
        ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      });
      this.dates.set(key, f);
    }
    return f;
  }
}
