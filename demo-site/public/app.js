// Northwind's own code for its task board pages. Northwind signs its customers in itself (its server's
// /api/login, a session cookie); its server vouches for the signed-in customer to the assistant with a host
// token (/assistant-token, signed with the site secret), which the assistant exchanges on its own (getToken).
// The board reads the same customer's tasks from the assistant's REST API with the same exchange, and redraws
// whenever they change: by the assistant, or anywhere else (another tab, a phone, an MCP client), which the
// assistant hears on its live stream of task events.
const API = '%API_URL%';
const SITE = '%NORTHWIND_SITE%';
const $ = (id) => document.getElementById(id);

let user = null; // Northwind's signed-in customer, from its own server
let access = null; // { value, exp }: an access token of the assistant's API for the board

/** The assistant asks for this: a host token about the signed-in customer, or null when nobody is. */
async function getToken() {
  const res = await fetch('/assistant-token');
  return res.ok ? res.text() : null;
}

/** For the board's own REST calls: the host token exchanged for an access token (kept until shortly before it ends). */
async function accessToken() {
  if (access && access.exp - 30 > Date.now() / 1000) return access.value;
  const hostToken = await getToken();
  if (!hostToken) return null;
  const res = await fetch(`${API}/api/sites/${SITE}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: hostToken }),
  });
  if (!res.ok) return null;
  const { token, expires_in } = await res.json();
  access = { value: token, exp: Date.now() / 1000 + expires_in };
  return token;
}

async function signIn(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? 'Sign-in failed.');
  user = data.user;
  access = null;
  $('signin-form').reset();
  render();
  assistant()?.authChanged(); // it starts over with the person now signed in
}

async function signOut() {
  await fetch('/api/logout', { method: 'POST' });
  user = null;
  access = null;
  render();
  assistant()?.authChanged(); // it clears the conversation at once
}

/** The assistant element, once its script has defined it. */
function assistant() {
  const el = document.querySelector('todo-assistant');
  return el && customElements.get('todo-assistant') ? el : null;
}

const when = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const whenTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Due Fri 12 Dec, 15:00 · High priority · #work", when the task has any of those. */
function details(task) {
  const parts = [];
  if (task.due_at) {
    const due = new Date(task.due_at);
    const overdue = !task.completed && due < new Date();
    parts.push(`${overdue ? 'Overdue: ' : 'Due '}${(task.due_time ? whenTime : when).format(due)}`);
  }
  if (task.priority) parts.push(`${task.priority[0].toUpperCase()}${task.priority.slice(1)} priority`);
  parts.push(...task.tags.map((t) => `#${t}`));
  return parts.join(' · ');
}

function taskItem(task, changed) {
  const li = document.createElement('li');
  li.className = changed.has(task.id) ? 'task changed' : 'task';
  const number = document.createElement('span');
  number.className = 'number';
  number.textContent = `#${task.id}`;
  const body = document.createElement('span');
  const title = document.createElement('span');
  title.textContent = task.title; // text, never markup
  body.append(title);
  const meta = details(task);
  if (meta) {
    const small = document.createElement('small');
    small.className = meta.startsWith('Overdue') ? 'meta overdue' : 'meta';
    small.textContent = meta;
    body.append(small);
  }
  li.append(number, body);
  return li;
}

/** Loads the user's tasks from the REST API and draws both columns. */
async function loadBoard(changed = new Set()) {
  const token = await accessToken();
  if (!token) return;
  const res = await fetch(`${API}/api/tasks?status=all&sort=created&order=asc&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    $('board-status').textContent = 'Could not load your tasks. Reload the page to try again.';
    return;
  }
  const { data } = await res.json();
  const pending = data.filter((t) => !t.completed);
  const done = data.filter((t) => t.completed);
  $('pending').replaceChildren(...pending.map((t) => taskItem(t, changed)));
  $('done').replaceChildren(...done.map((t) => taskItem(t, changed)));
  $('pending-count').textContent = pending.length;
  $('done-count').textContent = done.length;
  $('board-status').textContent = data.length ? '' : 'No tasks yet — ask the assistant to add one.';
}

function render() {
  const signedIn = user !== null;
  $('signin').hidden = signedIn;
  $('board').hidden = !signedIn;
  $('account').hidden = !signedIn;
  $('account-name').textContent = signedIn ? user.name || user.email : '';
  if (signedIn) void loadBoard();
}

// The sign-in card: sign in, or create an account.
let creating = false;
$('signin-mode').addEventListener('click', () => {
  creating = !creating;
  $('name-field').hidden = !creating;
  $('signin-submit').textContent = creating ? 'Create account' : 'Sign in';
  $('signin-mode').textContent = creating ? 'Have an account? Sign in' : 'New here? Create an account';
});
$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const body = { email: form.get('email'), password: form.get('password') };
  $('signin-error').hidden = true;
  try {
    await (creating
      ? signIn('/api/signup', { ...body, name: form.get('name') || 'Northwind user' })
      : signIn('/api/login', body));
  } catch (err) {
    $('signin-error').textContent = err.message;
    $('signin-error').hidden = false;
  }
});
$('sign-out').addEventListener('click', signOut);

// Tasks changed — `source: 'assistant'` by the assistant on this page, `remote` anywhere else, within a second:
// redraw the board, highlighting what changed.
document.addEventListener('todo-assistant-tasks-changed', (e) => {
  void loadBoard(new Set(e.detail.changes.map((c) => c.task_id)));
});
// Back to a tab that was hidden for long (the assistant's stream replays the last hour): read the board afresh.
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && user) void loadBoard();
});
// The assistant asks the site for its signed-in user's token.
customElements.whenDefined('todo-assistant').then(() => {
  document.querySelector('todo-assistant').getToken = getToken;
});
// Who is signed in to Northwind (its own session cookie).
fetch('/api/me')
  .then((r) => (r.ok ? r.json() : { user: null }))
  .then((me) => {
    user = me.user;
    render();
  });
