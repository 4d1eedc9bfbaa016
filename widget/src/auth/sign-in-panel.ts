import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { controlStyles } from '../controls.styles.js';
import type { Session } from './session.js';
import { somethingWentWrong, WidgetError } from './widget-error.js';

type Mode = 'sign-in' | 'sign-up';

/**
 * The sign-in / sign-up form shown in the panel when the host page gives no `getToken`. Dispatches
 * `signed-in` (not composed: only the widget listens) after the session is established.
 * @internal
 */
export class SignInPanel extends LitElement {
  static override properties = {
    session: { attribute: false },
    notice: { attribute: false },
    guestSession: { attribute: false },
    mode: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  static override styles = [
    controlStyles,
    css`
      :host {
        padding: 20px;
        overflow-y: auto;
      }
      h3 {
        margin: 0 0 4px;
        font-size: 18px;
        line-height: calc(24px * var(--ta-line-scale, 1));
      }
      p {
        margin: 0 0 16px;
      }
      .field {
        margin-bottom: 12px;
      }
      .alert {
        margin-bottom: 12px;
      }
      .submit {
        width: 100%;
        margin-top: 4px;
        padding: 9px 12px;
      }
      .switch {
        margin-top: 16px;
        text-align: center;
      }
    `,
  ];

  declare session: Session;
  /** A note shown above the form, e.g. why the user must sign in again. */
  declare notice: string;
  /**
   * A guest's session: signing up or in moves the guest's tasks and conversations into the account, and a
   * "Continue as a guest" button goes back to the chat (`cancel` event).
   */
  declare guestSession: string | null;
  declare mode: Mode;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.mode = 'sign-in';
    this.busy = false;
    this.error = '';
    this.notice = '';
    this.guestSession = null;
    updateWhenLocaleChanges(this);
  }

  override render() {
    const signUp = this.mode === 'sign-up';
    return html`
      <form @submit=${this.submit} novalidate aria-labelledby="heading" aria-busy=${this.busy}>
        <h3 id="heading">${signUp ? msg('Create your account') : msg('Sign in')}</h3>
        <p class="muted">
          ${this.notice || (signUp ? msg('Keep your to-do list with you.') : msg('Sign in to see and change your tasks.'))}
        </p>
        ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : null}
        ${
          signUp
            ? html`<div class="field">
                <label for="name">${msg('Name')}</label>
                <input id="name" name="name" autocomplete="name" required maxlength="100" />
              </div>`
            : null
        }
        <div class="field">
          <label for="email">${msg('Email')}</label>
          <input id="email" name="email" type="email" autocomplete="email" required dir="ltr" />
        </div>
        <div class="field">
          <label for="password">${msg('Password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete=${signUp ? 'new-password' : 'current-password'}
            minlength="8"
            maxlength="128"
            required
            aria-describedby=${signUp ? 'password-hint' : ''}
            dir="ltr"
          />
          ${signUp ? html`<small id="password-hint" class="muted">${msg('At least 8 characters.')}</small>` : null}
        </div>
        <!-- Never disabled while busy (the submit handler waits instead): a disabled button drops the focus. -->
        <button class="primary submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Please wait…') : signUp ? msg('Create account') : msg('Sign in')}
        </button>
        <div class="switch">
          ${signUp ? msg('Already have an account?') : msg('New here?')}
          <button class="link" type="button" @click=${this.toggleMode}>
            ${signUp ? msg('Sign in') : msg('Create an account')}
          </button>
        </div>
        ${
          this.guestSession
            ? html`<div class="switch">
                <button class="link" type="button" @click=${() => this.dispatchEvent(new Event('cancel'))}>
                  ${msg('Continue as a guest')}
                </button>
              </div>`
            : null
        }
      </form>
    `;
  }

  /** Puts the keyboard focus on the first field. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  private toggleMode() {
    this.mode = this.mode === 'sign-in' ? 'sign-up' : 'sign-in';
    this.error = '';
    this.focus();
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const [name, email, password] = [field('name').trim(), field('email').trim(), field('password')];
    const problem = this.check(name, email, password);
    if (problem) {
      this.error = problem.message;
      // The person goes straight to the field to fix (the alert is announced as well).
      (form.elements.namedItem(problem.field) as HTMLInputElement | null)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const guest = this.guestSession ?? undefined;
      if (this.mode === 'sign-up') await this.session.signUp(name, email, password, guest);
      else await this.session.signIn(email, password, guest);
      this.dispatchEvent(new Event('signed-in'));
    } catch (err) {
      this.error = err instanceof WidgetError ? err.message : somethingWentWrong();
    } finally {
      this.busy = false;
    }
  }

  private check(name: string, email: string, password: string): { field: string; message: string } | null {
    if (this.mode === 'sign-up' && !name) return { field: 'name', message: msg('Enter your name.') };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return { field: 'email', message: msg('Enter a valid email address.') };
    if (password.length < 8)
      return { field: 'password', message: msg('The password needs at least 8 characters.') };
    return null;
  }
}
