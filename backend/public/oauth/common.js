// What both pages share: the authorization request better-auth signed (it sends it back verbatim as
// `oauth_query`), calls to better-auth on this origin, and errors said in the page.
export const oauthQuery = location.search.slice(1);
export const params = new URLSearchParams(location.search);

export function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = false;
}

/** POST to better-auth with the signed request; answers its JSON or throws an Error with its words. */
export async function post(path, body) {
  let res;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...body, oauth_query: oauthQuery }),
    });
  } catch {
    throw new Error('The server did not answer. Check your connection and try again.');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(messageOf(data, res.status));
  return data;
}

const MESSAGES = {
  INVALID_EMAIL_OR_PASSWORD: 'Wrong email or password.',
  USER_ALREADY_EXISTS: 'An account with this email already exists. Sign in instead.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'An account with this email already exists. Sign in instead.',
  INVALID_EMAIL: 'Enter a valid email address.',
  PASSWORD_TOO_SHORT: 'The password is too short: use at least 8 characters.',
  invalid_signature: 'This sign-in link has expired. Go back to the app and connect again.',
};

function messageOf(data, status) {
  if (MESSAGES[data.code]) return MESSAGES[data.code];
  if (MESSAGES[data.error]) return MESSAGES[data.error];
  if (status === 429) return 'Too many attempts. Please wait a minute and try again.';
  return data.message || data.error_description || 'Something went wrong. Please try again.';
}

/** Goes where better-auth says: the consent page, or back to the app with its code. */
export function follow(data) {
  const url = data.url ?? data.redirect_uri;
  if (!url) throw new Error('The server did not say where to go next. Go back to the app and connect again.');
  location.assign(url);
}
