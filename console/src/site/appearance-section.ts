import { css, html, type PropertyValues } from 'lit';
import type { SettingsChange, SiteSettings, StarterPrompt, Theme } from '../api/types.js';
import { ACCENT_PATTERN, LOCALE_PATTERN } from '../origins.js';
import { plusIcon, trashIcon } from '../ui/icons.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';
import './widget-preview.js';

const MAX_PROMPTS = 6;
const DEFAULT_ACCENT = '#4338ca';
const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: "Visitor's system" },
];
const LOCALES = ['en', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ur-PK', 'ja-JP'];

/** The form's values: text as typed ('' = not set). */
interface Draft {
  heading: string;
  greeting: string;
  placeholder: string;
  prompts: StarterPrompt[];
  accent: string;
  theme: Theme | '';
  locale: string;
  chat_rate_limit: string;
  instructions: string;
}

type Field = keyof Draft | `prompt-${number}`;

function draftOf(s: SiteSettings): Draft {
  return {
    heading: s.heading ?? '',
    greeting: s.greeting ?? '',
    placeholder: s.placeholder ?? '',
    prompts: s.prompts?.map((p) => ({ ...p })) ?? [],
    accent: s.accent ?? '',
    theme: s.theme ?? '',
    locale: s.locale ?? '',
    chat_rate_limit: s.chat_rate_limit === undefined ? '' : String(s.chat_rate_limit),
    instructions: s.instructions ?? '',
  };
}

/** The settings the draft stands for, as the widget would read them (for the preview). */
function settingsOf(d: Draft): SiteSettings {
  const prompts = d.prompts.filter((p) => p.label.trim() && p.prompt.trim());
  return {
    heading: d.heading.trim() || undefined,
    greeting: d.greeting.trim() || undefined,
    placeholder: d.placeholder.trim() || undefined,
    prompts: prompts.length ? prompts : undefined,
    accent: ACCENT_PATTERN.test(d.accent) ? d.accent : undefined,
    theme: d.theme || undefined,
    locale: LOCALE_PATTERN.test(d.locale.trim()) ? d.locale.trim() : undefined,
  };
}

/** The heading, greeting, placeholder, starter prompts, accent, theme and locale, with a live preview. */
export class AppearanceSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    draft: { state: true },
    errors: { state: true },
    alert: { state: true },
    busy: { state: true },
    dirty: { state: true },
  };
  declare private draft: Draft;
  declare private errors: Partial<Record<Field, string>>;
  declare private alert: string;
  declare private busy: boolean;
  declare private dirty: boolean;
  private loadedFor = '';

  static override styles = [
    shared,
    sectionStyles,
    css`
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(300px, 380px);
        gap: 28px;
        align-items: start;
      }
      .preview {
        position: sticky;
        top: 84px;
      }
      .preview .label {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
      .prompt {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
        gap: 8px;
        align-items: start;
        margin-bottom: 8px;
      }
      .prompt button {
        padding: 7px 9px;
      }
      .prompt .field-error {
        grid-column: 1 / -1;
        margin-top: -4px;
      }
      .colour {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .colour input[type='color'] {
        width: 52px;
        height: 38px;
        padding: 3px;
        flex: none;
        cursor: pointer;
      }
      .colour input.hex {
        max-width: 140px;
      }
      .themes {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .themes .choice {
        margin: 0;
        align-items: center;
        padding: 8px 12px;
      }
      .two {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0 16px;
      }
      #prompts-hint {
        margin: -4px 0 10px;
      }
      @media (max-width: 1100px) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
        .preview {
          position: static;
          order: -1;
        }
      }
      @media (max-width: 600px) {
        .prompt {
          grid-template-columns: minmax(0, 1fr) auto;
        }
        .prompt .text {
          grid-column: 1;
        }
        .prompt button {
          grid-column: 2;
          grid-row: 1 / span 2;
        }
        .two {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  constructor() {
    super();
    this.draft = draftOf({});
    this.errors = {};
    this.alert = '';
    this.busy = false;
    this.dirty = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The draft comes from the site once (and after its own save): another section's save keeps what is typed.
    if (changed.has('site') && this.site && this.loadedFor !== this.site.id) {
      this.loadedFor = this.site.id;
      this.draft = draftOf(this.site.settings);
    }
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.dirty = true;
    if (this.errors[key]) this.errors = { ...this.errors, [key]: undefined };
  }

  private setPrompt(i: number, key: keyof StarterPrompt, value: string): void {
    const prompts = this.draft.prompts.map((p, j) => (j === i ? { ...p, [key]: value } : p));
    this.set('prompts', prompts);
    this.errors = { ...this.errors, [`prompt-${i}`]: undefined };
  }

  private addPrompt(): void {
    this.set('prompts', [...this.draft.prompts, { label: '', prompt: '' }]);
    const i = this.draft.prompts.length - 1;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#prompt-label-${i}`)?.focus(),
    );
  }

  private removePrompt(i: number): void {
    this.set(
      'prompts',
      this.draft.prompts.filter((_p, j) => j !== i),
    );
    this.say(`Prompt ${i + 1} removed.`);
    void this.updateComplete.then(() =>
      (
        this.renderRoot.querySelector<HTMLElement>(
          `#prompt-label-${Math.min(i, this.draft.prompts.length - 1)}`,
        ) ?? this.renderRoot.querySelector<HTMLElement>('#add-prompt')
      )?.focus(),
    );
  }

  private check(): Partial<Record<Field, string>> {
    const d = this.draft;
    const errors: Partial<Record<Field, string>> = {};
    if (d.accent && !ACCENT_PATTERN.test(d.accent))
      errors.accent = 'Write the colour as #rrggbb, e.g. #0f766e.';
    if (d.locale.trim() && !LOCALE_PATTERN.test(d.locale.trim()))
      errors.locale = 'Write a language tag such as en, de-DE or ur-PK.';
    d.prompts.forEach((p, i) => {
      if (!!p.label.trim() !== !!p.prompt.trim())
        errors[`prompt-${i}`] = 'A starter prompt needs both its button text and what it sends.';
    });
    if (d.chat_rate_limit.trim()) {
      const n = Number(d.chat_rate_limit);
      if (!Number.isInteger(n) || n < 1 || n > 10_000)
        errors.chat_rate_limit = 'A whole number from 1 to 10000.';
    }
    return errors;
  }

  /** Every setting: its value, or null (the backend removes the key, the widget shows its default). */
  private changes(): SettingsChange {
    const d = this.draft;
    const s = settingsOf(d);
    const text = (v: string) => v.trim() || null;
    return {
      heading: s.heading ?? null,
      greeting: s.greeting ?? null,
      placeholder: s.placeholder ?? null,
      prompts: s.prompts ?? null,
      accent: s.accent ?? null,
      theme: s.theme ?? null,
      locale: s.locale ?? null,
      chat_rate_limit: d.chat_rate_limit.trim() ? Number(d.chat_rate_limit) : null,
      instructions: text(d.instructions),
    };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.alert = '';
    this.errors = this.check();
    const first = Object.keys(this.errors).find((k) => this.errors[k as Field]);
    if (first) {
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(
          first.startsWith('prompt-') ? `#prompt-label-${first.slice(7)}` : `#${first}`,
        )
        ?.focus();
      return;
    }
    this.busy = true;
    try {
      const summary = await this.api.updateSite(this.site.id, { settings: this.changes() });
      this.draft = draftOf(summary.settings);
      this.dirty = false;
      this.changed(summary, 'Appearance saved. Pages with the assistant show it from their next load.');
    } catch (err) {
      const message = messageOf(err);
      const key = /^settings\.([a-z_]+)/.exec(message)?.[1] as keyof Draft | undefined;
      if (key && key in this.draft && key !== 'prompts') this.errors = { [key]: message };
      else this.alert = message;
    } finally {
      this.busy = false;
    }
  }

  private discard(): void {
    this.draft = draftOf(this.site.settings);
    this.errors = {};
    this.alert = '';
    this.dirty = false;
    this.say('Changes discarded.');
  }

  private error(field: Field) {
    const m = this.errors[field];
    return m ? html`<span class="field-error" id="${field}-error">${m}</span>` : '';
  }

  private described(field: Field, hint?: string): string {
    return [hint, this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  override render() {
    const d = this.draft;
    const e = this.errors;
    const accentShown = ACCENT_PATTERN.test(d.accent) ? d.accent : DEFAULT_ACCENT;
    return html`<section class="card" aria-labelledby="appearance-title">
      <div class="section-head">
        <h2 id="appearance-title" tabindex="-1">Appearance</h2>
        <p>What visitors see. Empty fields show the assistant's defaults; attributes on your page win.</p>
      </div>
      <div class="columns">
        <form novalidate @submit=${this.save} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
          <div class="field">
            <label for="heading">Heading</label>
            <input
              id="heading"
              maxlength="80"
              placeholder="Todo Assistant"
              .value=${d.heading}
              aria-invalid=${e.heading ? 'true' : 'false'}
              aria-describedby=${this.described('heading')}
              @input=${(ev: Event) => this.set('heading', (ev.target as HTMLInputElement).value)}
            />
            ${this.error('heading')}
          </div>
          <div class="field">
            <label for="greeting">Greeting</label>
            <textarea
              id="greeting"
              rows="2"
              maxlength="500"
              placeholder="What should we get done today?"
              .value=${d.greeting}
              aria-invalid=${e.greeting ? 'true' : 'false'}
              aria-describedby=${this.described('greeting')}
              @input=${(ev: Event) => this.set('greeting', (ev.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${this.error('greeting')}
          </div>
          <div class="field">
            <label for="placeholder">Placeholder of the message field</label>
            <input
              id="placeholder"
              maxlength="120"
              placeholder="Ask me to add, list or finish tasks…"
              .value=${d.placeholder}
              aria-invalid=${e.placeholder ? 'true' : 'false'}
              aria-describedby=${this.described('placeholder')}
              @input=${(ev: Event) => this.set('placeholder', (ev.target as HTMLInputElement).value)}
            />
            ${this.error('placeholder')}
          </div>
          <fieldset>
            <legend>
              Starter prompts <span class="optional">(${d.prompts.length} of ${MAX_PROMPTS})</span>
            </legend>
            <span class="hint" id="prompts-hint"
              >Buttons on the first screen: the text on the button, and the message it sends. None: the
              assistant's own.</span
            >
            ${d.prompts.map(
              (p, i) =>
                html`<div class="prompt">
                  <div class="text">
                    <label class="sr-only" for="prompt-label-${i}">Button text of prompt ${i + 1}</label>
                    <input
                      id="prompt-label-${i}"
                      maxlength="40"
                      placeholder="Button text"
                      .value=${p.label}
                      aria-invalid=${e[`prompt-${i}`] ? 'true' : 'false'}
                      @input=${(ev: Event) => this.setPrompt(i, 'label', (ev.target as HTMLInputElement).value)}
                    />
                  </div>
                  <div class="text">
                    <label class="sr-only" for="prompt-text-${i}">Message of prompt ${i + 1}</label>
                    <input
                      id="prompt-text-${i}"
                      maxlength="500"
                      placeholder="Message it sends"
                      .value=${p.prompt}
                      aria-invalid=${e[`prompt-${i}`] ? 'true' : 'false'}
                      aria-describedby=${e[`prompt-${i}`] ? `prompt-${i}-error` : ''}
                      @input=${(ev: Event) => this.setPrompt(i, 'prompt', (ev.target as HTMLInputElement).value)}
                    />
                  </div>
                  <button
                    type="button"
                    class="quiet"
                    aria-label="Remove prompt ${i + 1}"
                    @click=${() => this.removePrompt(i)}
                  >
                    ${trashIcon()}
                  </button>
                  ${this.error(`prompt-${i}`)}
                </div>`,
            )}
            <button
              type="button"
              id="add-prompt"
              ?disabled=${d.prompts.length >= MAX_PROMPTS}
              aria-describedby="prompts-hint"
              @click=${this.addPrompt}
            >
              ${plusIcon()}Add a prompt
            </button>
          </fieldset>
          <div class="two">
            <div class="field">
              <label for="accent">Accent colour</label>
              <div class="colour">
                <input
                  type="color"
                  id="accent-picker"
                  aria-label="Pick the accent colour"
                  .value=${accentShown.toLowerCase()}
                  @input=${(ev: Event) => this.set('accent', (ev.target as HTMLInputElement).value)}
                />
                <input
                  id="accent"
                  class="hex mono"
                  maxlength="7"
                  placeholder=${DEFAULT_ACCENT}
                  spellcheck="false"
                  autocapitalize="none"
                  .value=${d.accent}
                  aria-invalid=${e.accent ? 'true' : 'false'}
                  aria-describedby=${this.described('accent', 'accent-hint')}
                  @input=${(ev: Event) => this.set('accent', (ev.target as HTMLInputElement).value.trim())}
                />
                ${
                  d.accent
                    ? html`<button type="button" class="link" @click=${() => this.set('accent', '')}>
                        Reset
                      </button>`
                    : ''
                }
              </div>
              <span class="hint" id="accent-hint">Buttons, header and the visitor's messages.</span>
              ${this.error('accent')}
            </div>
            <div class="field">
              <label for="locale">Language</label>
              <input
                id="locale"
                list="locales"
                maxlength="35"
                placeholder="The visitor's browser"
                spellcheck="false"
                autocapitalize="none"
                .value=${d.locale}
                aria-invalid=${e.locale ? 'true' : 'false'}
                aria-describedby=${this.described('locale', 'locale-hint')}
                @input=${(ev: Event) => this.set('locale', (ev.target as HTMLInputElement).value)}
              />
              <datalist id="locales">${LOCALES.map((l) => html`<option value=${l}></option>`)}</datalist>
              <span class="hint" id="locale-hint">A language tag for dates and words, e.g. de-DE.</span>
              ${this.error('locale')}
            </div>
          </div>
          <fieldset>
            <legend>Theme</legend>
            <div class="themes">
              ${THEMES.map(
                (t) =>
                  html`<div class="choice">
                    <input
                      type="radio"
                      name="theme"
                      id="theme-${t.value}"
                      value=${t.value}
                      .checked=${(d.theme || 'light') === t.value}
                      @change=${() => this.set('theme', t.value)}
                    />
                    <label for="theme-${t.value}">${t.label}</label>
                  </div>`,
              )}
            </div>
          </fieldset>
          <details>
            <summary>Assistant behaviour</summary>
            <div class="field">
              <label for="instructions"
                >Extra instructions <span class="optional">(real models only)</span></label
              >
              <textarea
                id="instructions"
                rows="3"
                maxlength="2000"
                placeholder="Answer in a friendly tone; our shop closes at 6 pm."
                .value=${d.instructions}
                @input=${(ev: Event) => this.set('instructions', (ev.target as HTMLTextAreaElement).value)}
              ></textarea>
            </div>
            <div class="field">
              <label for="chat_rate_limit">Messages per visitor per minute</label>
              <input
                id="chat_rate_limit"
                type="number"
                inputmode="numeric"
                min="1"
                max="10000"
                placeholder="The backend's default"
                .value=${d.chat_rate_limit}
                aria-invalid=${e.chat_rate_limit ? 'true' : 'false'}
                aria-describedby=${this.described('chat_rate_limit')}
                @input=${(ev: Event) => this.set('chat_rate_limit', (ev.target as HTMLInputElement).value)}
              />
              ${this.error('chat_rate_limit')}
            </div>
          </details>
          <div class="save-row">
            <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${this.busy ? 'Saving…' : 'Save appearance'}
            </button>
            ${
              this.dirty
                ? html`<button type="button" @click=${this.discard}>Discard changes</button>
                    <span class="state">Unsaved changes</span>`
                : ''
            }
          </div>
        </form>
        <div class="preview">
          <div class="label">
            <h3>Live preview</h3>
            <span class="hint">Messages are not sent</span>
          </div>
          <console-widget-preview site-id=${this.site.id} .settings=${settingsOf(d)}></console-widget-preview>
        </div>
      </div>
    </section>`;
  }
}

if (!customElements.get('console-site-appearance'))
  customElements.define('console-site-appearance', AppearanceSection);
