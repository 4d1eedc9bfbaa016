// Northwind's own user accounts — nothing of the assistant's: the demo company signs its customers in with its own
// email + password and a session cookie, as any real site already does. Kept in a JSON file under the demo's data
// directory (a real site has its own database); passwords hashed with scrypt.
import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb);
const SESSION_COOKIE = 'northwind_session';
const SESSION_DAYS = 30;

async function hash(password, salt = randomBytes(16).toString('base64url')) {
  const key = await scrypt(password, salt, 32);
  return `${salt}:${key.toString('base64url')}`;
}

async function verify(password, stored) {
  const [salt, expected] = stored.split(':');
  const actual = (await hash(password, salt)).split(':')[1];
  return timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
}

export class NorthwindAccounts {
  constructor(dataDir) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'northwind-accounts.json');
    try {
      this.data = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      this.data = { users: [], sessions: {} };
    }
  }

  save() {
    writeFileSync(this.file, JSON.stringify(this.data, null, 2), { mode: 0o600 });
  }

  /** Returns the new user, or an error message for the form. */
  async signUp({ name, email, password }) {
    email = String(email ?? '')
      .trim()
      .toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: 'Enter a valid email address.' };
    if (String(password ?? '').length < 8) return { error: 'Use a password of at least 8 characters.' };
    if (this.data.users.some((u) => u.email === email))
      return { error: 'There is already a Northwind account with this email. Sign in instead.' };
    const user = {
      id: `nw_${randomUUID()}`,
      name: String(name ?? '').trim() || email.split('@')[0],
      email,
      password: await hash(password),
    };
    this.data.users.push(user);
    this.save();
    return { user };
  }

  async signIn({ email, password }) {
    const user = this.data.users.find(
      (u) =>
        u.email ===
        String(email ?? '')
          .trim()
          .toLowerCase(),
    );
    if (!user || !(await verify(String(password ?? ''), user.password)))
      return { error: 'Wrong email or password.' };
    return { user };
  }

  startSession(user) {
    const id = randomBytes(32).toString('base64url');
    this.data.sessions[id] = { userId: user.id, expires: Date.now() + SESSION_DAYS * 86_400_000 };
    this.save();
    return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_DAYS * 86_400}`;
  }

  endSession(req) {
    const id = sessionId(req);
    if (id && this.data.sessions[id]) {
      delete this.data.sessions[id];
      this.save();
    }
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  /** The signed-in user of a request, from its session cookie. */
  userOf(req) {
    const session = this.data.sessions[sessionId(req) ?? ''];
    if (!session || session.expires < Date.now()) return null;
    return this.data.users.find((u) => u.id === session.userId) ?? null;
  }
}

function sessionId(req) {
  const cookies = req.headers.cookie ?? '';
  const match = cookies.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? match.slice(SESSION_COOKIE.length + 1) : null;
}

/** What the browser may know of a user. */
export const publicUser = (u) => ({ id: u.id, name: u.name, email: u.email });
