import { follow, hideError, oauthQuery, params, post, showError } from './common.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

/** What each scope lets the app do, in the user's words, with its icon (24×24 stroke paths). */
const SCOPES = {
  'tasks:read': [
    'Read your tasks',
    'See your task list: due dates, priorities, tags.',
    ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z', 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z'],
  ],
  'tasks:write': [
    'Change your tasks',
    'Add, edit, complete and delete your tasks.',
    ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z'],
  ],
  offline_access: [
    'Stay connected',
    'Keep this access until you disconnect it.',
    ['M21 12a9 9 0 0 1-15.5 6.2L3 16', 'M3 21v-5h5', 'M3 12a9 9 0 0 1 15.5-6.2L21 8', 'M21 3v5h-5'],
  ],
};

function icon(paths) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

const requested = (params.get('scope') ?? '').split(' ').filter((s) => SCOPES[s]);
$('scopes').replaceChildren(
  ...requested.map((scope) => {
    const [title, detail, paths] = SCOPES[scope];
    const li = document.createElement('li');
    const text = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = title;
    const span = document.createElement('span');
    span.className = 'muted';
    span.textContent = detail;
    text.append(strong, span);
    li.append(icon(paths), text);
    return li;
  }),
);

function named(name) {
  $('client').textContent = name;
  $('client-again').textContent = name;
  $('app-initial').textContent = [...name.trim()][0]?.toUpperCase() ?? '?';
  document.title = `Allow ${name}? — Todo Assistant`;
}

const clientId = params.get('client_id') ?? '';
// A client identified by a metadata document is named by its address: show where it comes from.
if (/^https:\/\//.test(clientId)) {
  $('client-id').textContent = `App identity: ${clientId}`;
  $('client-id').hidden = false;
}
// Where the answer goes: the app's own address (a loopback one is an app on this computer).
try {
  const back = new URL(params.get('redirect_uri') ?? '');
  const where = document.createElement('strong');
  where.className = 'client';
  where.textContent = back.protocol === 'http:' || back.protocol === 'https:' ? back.origin : back.protocol;
  $('return-to').replaceChildren(' After you answer, you go back to ', where, '.');
} catch {
  /* no redirect address to show */
}

fetch(`/api/auth/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`, {
  credentials: 'same-origin',
})
  .then((r) => (r.ok ? r.json() : {}))
  .then((client) => {
    if (client.client_name) named(client.client_name);
  })
  .catch(() => undefined);

fetch('/api/auth/get-session', { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.json() : null))
  .then((session) => {
    const user = session?.user;
    if (!user?.email) return;
    $('who-name').textContent = user.name || user.email;
    $('who-email').textContent = user.name ? user.email : '';
    $('avatar').textContent = [...(user.name || user.email).trim()][0]?.toUpperCase() ?? '';
    $('account').hidden = false;
  })
  .catch(() => undefined);

let busy = false;
const buttons = () => document.querySelectorAll('button');

async function answer(accept) {
  if (busy) return; // one answer only: a second click would race the first
  busy = true;
  hideError();
  // Never disabled (a disabled button drops the focus): marked instead.
  for (const b of buttons()) b.setAttribute('aria-disabled', 'true');
  try {
    follow(await post('/oauth2/consent', { accept }));
    // Leaving for the app: stay busy.
  } catch (err) {
    busy = false;
    for (const b of buttons()) b.removeAttribute('aria-disabled');
    showError(
      err.status === 401 ? 'You were signed out. Go back to the app and connect again.' : err.message,
    );
  }
}
$('allow').addEventListener('click', () => void answer(true));
$('deny').addEventListener('click', () => void answer(false));

// Someone else's account: sign out and sign in again, the same request in hand.
$('switch-account').addEventListener('click', async () => {
  if (busy) return;
  busy = true;
  try {
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{}',
    });
  } catch {
    /* signed out or not, the sign-in page comes next */
  }
  location.assign(`/oauth/login?${oauthQuery}`);
});
// No focus on Allow: an Enter still held from the sign-in must not answer for the person.
