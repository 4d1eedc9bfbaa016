import { html } from 'lit';
import type { IdentityMode } from '../api/types.js';

/** Who may use a site's assistant: the three identity modes, each with one line that says what it means. */
export const IDENTITY_CHOICES: Array<{ mode: IdentityMode; label: string; hint: string }> = [
  {
    mode: 'host',
    label: "Your site's signed-in users",
    hint: 'Your server vouches for the user it signed in (a short-lived token): no second sign-in.',
  },
  {
    mode: 'guests',
    label: 'Guests',
    hint: 'Visitors without an account write at once; their tasks stay with their browser.',
  },
  {
    mode: 'accounts',
    label: 'Todo Assistant accounts',
    hint: "Visitors sign in or sign up in the assistant's own panel, and keep one task list everywhere.",
  },
];

/** The three checkboxes in a fieldset; `selected` is read from the form by `selectedModes`. */
export function identityFieldset(
  idPrefix: string,
  selected: readonly IdentityMode[],
  error: string,
  onChange: () => void,
) {
  return html`<fieldset aria-describedby=${error ? `${idPrefix}-identity-error` : ''}>
    <legend>Who may use it</legend>
    ${IDENTITY_CHOICES.map(
      (c) =>
        html`<div class="choice">
          <input
            type="checkbox"
            id="${idPrefix}-${c.mode}"
            name="identity"
            value=${c.mode}
            .checked=${selected.includes(c.mode)}
            aria-describedby="${idPrefix}-${c.mode}-hint"
            @change=${onChange}
          />
          <div>
            <label for="${idPrefix}-${c.mode}">${c.label}</label>
            <span class="hint" id="${idPrefix}-${c.mode}-hint">${c.hint}</span>
          </div>
        </div>`,
    )}
    ${error ? html`<span class="field-error" id="${idPrefix}-identity-error">${error}</span>` : ''}
  </fieldset>`;
}

export function selectedModes(root: ParentNode): IdentityMode[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[name="identity"]:checked')].map(
    (i) => i.value as IdentityMode,
  );
}
