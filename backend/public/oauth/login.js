import { follow, params, post, showError } from './common.js';

const $ = (id) => document.getElementById(id);
let creating = params.get('prompt') === 'create';

function render() {
  $('heading').textContent = creating ? 'Create your account' : 'Sign in';
  $('name-field').hidden = !creating;
  $('submit').textContent = creating ? 'Create account' : 'Sign in';
  $('switch-text').textContent = creating ? 'Already have an account?' : 'New here?';
  $('switch').textContent = creating ? 'Sign in' : 'Create an account';
  $('password').autocomplete = creating ? 'new-password' : 'current-password';
}

// The app's name, before anyone signs in.
post('/oauth2/public-client-prelogin', { client_id: params.get('client_id') })
  .then((client) => {
    if (client.client_name)
      $('purpose').textContent = `Sign in to connect ${client.client_name} to your tasks.`;
  })
  .catch(() => undefined);

$('switch').addEventListener('click', () => {
  creating = !creating;
  $('error').hidden = true;
  render();
  (creating ? $('name') : $('email')).focus();
});

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
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
  $('submit').setAttribute('aria-disabled', 'true');
  try {
    // With the signed request, better-auth continues the authorization once the session exists.
    follow(
      await post(
        creating ? '/sign-up/email' : '/sign-in/email',
        creating ? { name, email, password } : { email, password },
      ),
    );
  } catch (err) {
    showError(err.message);
    $('email').focus();
  } finally {
    $('submit').removeAttribute('aria-disabled');
  }
});

render();
$(creating ? 'name' : 'email').focus();
