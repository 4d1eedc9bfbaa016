import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SiteSettings } from '../api/types.js';
import { shared } from '../ui/shared.styles.js';

type Defaults = Awaited<ReturnType<typeof loadWidget>>;
const loadWidget = () => import('../preview/widget.js').then((m) => m.widgetDefaults());

const DEBOUNCE_MS = 250;

/**
 * The live preview: the real `<todo-assistant mode="inline" preview>` for this site, showing the settings being
 * edited (a moment after the last change). The heading updates the element; everything else builds it anew
 * (the widget reads its colours, greeting, placeholder and prompts once, when its conversation view starts).
 */
export class WidgetPreview extends LitElement {
  static override properties = {
    siteId: { attribute: 'site-id' },
    settings: { attribute: false },
    shown: { state: true },
    defaults: { state: true },
    failed: { state: true },
  };

  declare siteId: string;
  /** The settings as edited (not yet saved). */
  declare settings: SiteSettings;
  /** What the preview shows: `settings`, a moment later. */
  declare private shown: SiteSettings;
  declare private defaults: Defaults | null;
  declare private failed: boolean;
  private timer?: ReturnType<typeof setTimeout>;

  static override styles = [
    shared,
    css`
      .frame {
        border: 1px solid var(--border);
        border-radius: 14px;
        overflow: hidden;
        background: var(--surface);
      }
      .chrome {
        display: flex;
        align-items: center;
        gap: 6px;
        padding: 8px 12px;
        border-bottom: 1px solid var(--border);
        background: var(--bg);
        font-size: 12px;
        color: var(--muted);
      }
      .chrome i {
        width: 9px;
        height: 9px;
        border-radius: 50%;
        background: var(--border-strong);
      }
      .chrome span {
        margin-inline-start: 8px;
      }
      .stage {
        height: 540px;
        padding: 14px;
      }
      todo-assistant {
        display: block;
        height: 100%;
      }
      @media (max-width: 600px) {
        .stage {
          height: 500px;
          padding: 8px;
        }
      }
      .wait {
        height: 100%;
        display: grid;
        place-items: center;
        color: var(--muted);
      }
    `,
  ];

  constructor() {
    super();
    this.siteId = '';
    this.settings = {};
    this.shown = {};
    this.defaults = null;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown = this.settings;
    loadWidget().then(
      (d) => (this.defaults = d),
      () => (this.failed = true),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    clearTimeout(this.releaseTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings') && changed.get('settings') !== undefined) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => (this.shown = this.settings), DEBOUNCE_MS);
    }
  }

  protected override updated(): void {
    // The accent reaches the widget as its custom property, inherited from the stage (a CSSOM write: the
    // console's CSP allows no style attribute).
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!stage) return;
    if (this.shown.accent) stage.style.setProperty('--todo-assistant-accent', this.shown.accent);
    else stage.style.removeProperty('--todo-assistant-accent');
    const widget = stage.querySelector('todo-assistant');
    if (widget && widget !== this.started) this.holdFocus(stage, widget);
  }

  /** The widget last (re)built: it starts inert. */
  private started: Element | null = null;
  private releaseTimer?: ReturnType<typeof setTimeout>;

  /**
   * An inline widget puts the keyboard focus in its message field when its conversation view starts, wherever the
   * focus was: in the console that would take it from the page's heading or from the field being typed in. The
   * preview stays inert (nothing in it can take the focus) until its view has started.
   */
  private holdFocus(stage: HTMLElement, widget: Element): void {
    this.started = widget;
    stage.inert = true;
    clearTimeout(this.releaseTimer);
    const release = () => {
      clearTimeout(this.releaseTimer);
      this.releaseTimer = setTimeout(() => {
        if (this.started === widget) stage.inert = false;
      }, 300);
    };
    widget.addEventListener('todo-assistant-ready', release, { once: true });
    // However it went, the preview is usable a moment later.
    this.releaseTimer = setTimeout(release, 5000);
  }

  override render() {
    const s = this.shown;
    const d = this.defaults;
    const look = JSON.stringify([s.accent, s.theme, s.locale, s.greeting, s.placeholder, s.prompts]);
    return html`<div class="frame">
      <div class="chrome" aria-hidden="true"><i></i><i></i><i></i><span>Preview</span></div>
      <div class="stage">
        ${
          this.failed
            ? html`<p class="wait">The preview could not load. Reload the page to try again.</p>`
            : !d
              ? html`<p class="wait" role="status">Loading the preview…</p>`
              : keyed(
                  look,
                  html`<todo-assistant
                    mode="inline"
                    preview
                    api-url=${location.origin}
                    site=${this.siteId}
                    theme=${s.theme ?? 'light'}
                    locale=${s.locale ?? nothing}
                    .heading=${s.heading || d.heading}
                    .greeting=${s.greeting || d.greeting}
                    .placeholder=${s.placeholder || d.placeholder}
                    .prompts=${s.prompts?.length ? s.prompts : d.prompts}
                  ></todo-assistant>`,
                )
        }
      </div>
    </div>`;
  }
}

if (!customElements.get('console-widget-preview'))
  customElements.define('console-widget-preview', WidgetPreview);
