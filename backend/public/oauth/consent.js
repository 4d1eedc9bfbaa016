import { follow, params, post, showError } from './common.js';

const $ = (id) => document.getElementById(id);

/** What each scope lets the app do, in the user's words. */
const SCOPES = {
  'tasks:read': ['Read your tasks', 'See your task list, with due dates, priorities and tags.'],
  'tasks:write': ['Change your tasks', 'Add, rename, complete, reschedule and delete tasks.'],
  offline_access: ['Stay connected', 'Keep working without asking again, until you disconnect it.'],
};

const requested = (params.get('scope') ?? '').split(' ').filter((s) => SCOPES[s]);
$('scopes').replaceChildren(
  ...requested.map((scope) => {
    const li = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = SCOPES[scope][0];
    const detail = document.createElement('span');
    detail.className = 'muted';
    detail.textContent = SCOPES[scope][1];
    li.append(title, detail);
    return li;
  }),
);

const clientId = params.get('client_id') ?? '';
// A client identified by a metadata document is named by its address: show where it comes from.
if (/^https:\/\//.test(clientId)) $('client-id').textContent = `App identity: ${clientId}`;
fetch(`/api/auth/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`, {
  credentials: 'same-origin',
})
  .then((r) => (r.ok ? r.json() : {}))
  .then((client) => {
    if (client.client_name) {
      $('client').textContent = client.client_name;
      document.title = `Allow ${client.client_name}? — Todo Assistant`;
    }
  })
  .catch(() => undefined);
fetch('/api/auth/get-session', { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.json() : null))
  .then((session) => {
    if (session?.user?.email) $('who').textContent = `Signed in as ${session.user.email}.`;
  })
  .catch(() => undefined);

async function answer(accept) {
  for (const b of document.querySelectorAll('button')) b.setAttribute('aria-disabled', 'true');
  try {
    follow(await post('/oauth2/consent', { accept }));
  } catch (err) {
    showError(err.message);
    for (const b of document.querySelectorAll('button')) b.removeAttribute('aria-disabled');
  }
}
$('allow').addEventListener('click', () => void answer(true));
$('deny').addEventListener('click', () => void answer(false));
$('allow').focus();
