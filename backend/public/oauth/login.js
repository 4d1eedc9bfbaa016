import { follow, hideError, oauthQuery, params, post, showError } from './common.js';

const $ = (id) => document.getElementById(id);
let creating = params.get('prompt') === 'create';
let busy = false;

function render() {
  $('heading').textContent = creating ? 'Create your account' : 'Sign in';
  document.title = `${creating ? 'Create your account' : 'Sign in'} — Todo Assistant`;
  $('name-field').hidden = !creating;
  $('password-hint').hidden = !creating;
  $('submit').textContent = creating ? 'Create account' : 'Sign in';
  $('switch-text').textContent = creating ? 'Already have an account?' : 'New here?';
  $('switch').textContent = creating ? 'Sign in' : 'Create an account';
  $('password').autocomplete = creating ? 'new-password' : 'current-password';
  if (creating) $('password').setAttribute('aria-describedby', 'password-hint');
  else $('password').removeAttribute('aria-describedby');
  purpose();
}

/** The app's name, once better-auth told it. */
let clientName = '';

/**
 * Without an app's request, the page is the site owner console's sign-in: it returns to the page that sent the
 * person here (a path of this origin only: never a redirect elsewhere).
 */
const returnTo = (() => {
  const wanted = params.get('return') ?? '/console/';
  return /^\/(?![/\\])/.test(wanted) ? wanted : '/console/';
})();

/** "Sign in to connect <strong>name</strong> to your tasks." (the name as text, never as markup). */
function purpose() {
  if (!oauthQuery) {
    $('purpose').textContent =
      `${creating ? 'Create an account' : 'Sign in'} to manage your sites and connected apps.`;
    return;
  }
  const name = document.createElement('strong');
  name.className = 'client';
  name.textContent = clientName;
  $('purpose').replaceChildren(
    `${creating ? 'Create an account' : 'Sign in'} to connect `,
    clientName ? name : 'an app',
    ' to your tasks.',
  );
}

// The app's name, before anyone signs in.
if (oauthQuery)
  post('/oauth2/public-client-prelogin', { client_id: params.get('client_id') ?? '' })
    .then((client) => {
      if (typeof client.client_name !== 'string' || !client.client_name) return;
      clientName = client.client_name;
      purpose();
    })
    .catch(() => undefined);

$('switch').addEventListener('click', () => {
  creating = !creating;
  hideError();
  render();
  (creating ? $('name') : $('email')).focus();
});

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (busy) return; // a second Enter while the first answer is on its way
  const name = $('name').value.trim();
  const email = $('email').value.trim();
  const password = $('password').value;
  const problem =
    creating && !name
      ? ['name', 'Enter your name.']
      : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
        ? ['email', 'Enter a valid email address.']
        : password.length < 8
          ? ['password', 'The password needs at least 8 characters.']
          : null;
  if (problem) {
    showError(problem[1]);
    $(problem[0]).focus();
    return;
  }
  busy = true;
  hideError();
  // Never disabled (a disabled button drops the focus): marked busy instead.
  $('submit').setAttribute('aria-disabled', 'true');
  $('form').setAttribute('aria-busy', 'true');
  try {
    // With the signed request, better-auth continues the authorization once the session exists.
    const answer = await post(
      creating ? '/sign-up/email' : '/sign-in/email',
      creating ? { name, email, password } : { email, password },
    );
    if (oauthQuery) follow(answer);
    else location.assign(returnTo);
    // Leaving for the next page: stay busy so nothing is sent twice.
  } catch (err) {
    busy = false;
    $('submit').removeAttribute('aria-disabled');
    $('form').removeAttribute('aria-busy');
    showError(err.message);
    // Most often the password was mistyped: it is selected, ready to be typed again.
    const field = err.field ?? 'password';
    $(field).focus();
    if (field === 'password') $('password').select();
  }
});

render();
$(creating ? 'name' : 'email').focus();
