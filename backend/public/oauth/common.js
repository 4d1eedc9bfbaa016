// What both pages share: the authorization request better-auth signed (it sends it back verbatim as
// `oauth_query`), calls to better-auth on this origin, and errors said in the page.
export const params = new URLSearchParams(location.search);
/** An app's authorization request (signed by better-auth); absent when the page is the console's sign-in. */
export const oauthQuery = params.has('sig') ? location.search.slice(1) : '';

/** Says what went wrong in the page's alert (`role="alert"`: screen readers announce it). */
export function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = false;
}

export function hideError() {
  const box = document.getElementById('error');
  box.hidden = true;
  box.textContent = '';
}

/**
 * POST to better-auth with the signed request; answers its JSON or throws an Error with its words (and, when one
 * field is to blame, the id of that field as `field`; the HTTP status as `status`).
 */
export async function post(path, body) {
  let res;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(oauthQuery ? { ...body, oauth_query: oauthQuery } : body),
    });
  } catch {
    throw new Error('The server did not answer. Check your connection and try again.');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const [message, field] = explain(data, res.status);
    throw Object.assign(new Error(message), { field, status: res.status });
  }
  return data;
}

const EXISTS = ['An account with this email already exists. Sign in instead.', 'email'];
const EXPIRED = ['This sign-in link has expired. Go back to the app and connect again.'];
const MESSAGES = {
  INVALID_EMAIL_OR_PASSWORD: ['Wrong email or password.', 'password'],
  USER_ALREADY_EXISTS: EXISTS,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: EXISTS,
  INVALID_EMAIL: ['Enter a valid email address.', 'email'],
  PASSWORD_TOO_SHORT: ['The password is too short: use at least 8 characters.', 'password'],
  PASSWORD_TOO_LONG: ['The password is too long: use at most 128 characters.', 'password'],
  invalid_signature: EXPIRED,
};

function explain(data, status) {
  const known = MESSAGES[data.code] ?? MESSAGES[data.error];
  if (known) return known;
  if (status === 429) return ['Too many attempts. Please wait a minute and try again.'];
  return [data.message || data.error_description || 'Something went wrong. Please try again.'];
}

/** Goes where better-auth says: the consent page, or back to the app with its code. */
export function follow(data) {
  const url = data.url ?? data.redirect_uri;
  if (!url) throw new Error('The server did not say where to go next. Go back to the app and connect again.');
  location.assign(url);
}
