// Northwind's own code for its task board pages: the site signs its users in with the assistant backend's
// better-auth, hands the assistant their token (getToken), and redraws its board whenever the assistant changes tasks.
const API = '%API_URL%';
const SESSION_KEY = 'northwind-session';
const $ = (id) => document.getElementById(id);

let session = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null'); // { token, user }
let jwt = null; // { value, exp }

/** A short-lived JWT for the signed-in user from /api/auth/token (cached until a minute before it expires). */
async function getToken({ refresh } = { refresh: false }) {
  if (!session) return null;
  if (!refresh && jwt && jwt.exp - 60 > Date.now() / 1000) return jwt.value;
  const res = await fetch(`${API}/api/auth/token`, { headers: { authorization: `Bearer ${session.token}` } });
  if (res.status === 401) return (signOut(), null);
  const { token } = await res.json();
  jwt = {
    value: token,
    exp: JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp,
  };
  return token;
}

async function signIn(path, body) {
  const res = await fetch(`${API}/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.message ?? 'Sign-in failed.');
  session = { token: res.headers.get('set-auth-token'), user: data.user };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  $('signin-form').reset();
  render();
  assistant()?.authChanged(); // it starts over with the person now signed in
}

function signOut() {
  if (session)
    fetch(`${API}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
  session = null;
  jwt = null;
  localStorage.removeItem(SESSION_KEY);
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
  const token = await getToken();
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
  const signedIn = session !== null;
  $('signin').hidden = signedIn;
  $('board').hidden = !signedIn;
  $('account').hidden = !signedIn;
  $('account-name').textContent = signedIn ? session.user.name || session.user.email : '';
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
      ? signIn('sign-up/email', { ...body, name: form.get('name') || 'Northwind user' })
      : signIn('sign-in/email', body));
  } catch (err) {
    $('signin-error').textContent = err.message;
    $('signin-error').hidden = false;
  }
});
$('sign-out').addEventListener('click', signOut);

// Changes made elsewhere (another tab, another device): the board catches up when the page is looked at again.
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && session) void loadBoard();
});

// The assistant changed tasks: redraw the board, highlighting what changed.
document.addEventListener('todo-assistant-tasks-changed', (e) => {
  void loadBoard(new Set(e.detail.changes.map((c) => c.task_id)));
});
// The assistant asks the site for its signed-in user's token.
customElements.whenDefined('todo-assistant').then(() => {
  document.querySelector('todo-assistant').getToken = getToken;
});
render();
