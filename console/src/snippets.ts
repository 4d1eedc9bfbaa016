/**
 * The token route a site's server adds behind its own login, in Node, Python and PHP (widget/README.md, "Add your
 * site in five minutes"), for one site id: a short-lived HS256 JWT about the signed-in user, `aud` = the site.
 */
export type Language = 'node' | 'python' | 'php';

export const LANGUAGES: Array<{ id: Language; label: string; install: string; caption: string }> = [
  { id: 'node', label: 'Node', install: 'npm install jose', caption: 'JavaScript · Express' },
  { id: 'python', label: 'Python', install: 'pip install pyjwt', caption: 'Python · Flask' },
  { id: 'php', label: 'PHP', install: 'composer require firebase/php-jwt', caption: 'PHP' },
];

/** A site id inside a string literal of the snippets (ids are [a-z0-9_-], but never trust a string). */
const literal = (siteId: string) => siteId.replace(/[^a-z0-9_-]/gi, '');

export function tokenRoute(language: Language, siteId: string): string {
  const id = literal(siteId);
  switch (language) {
    case 'node':
      return `// Express: GET /assistant-token, behind your login (requireLogin sets req.user).
import { SignJWT } from 'jose';

app.get('/assistant-token', requireLogin, async (req, res) => {
  const token = await new SignJWT({ name: req.user.name, email: req.user.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(req.user.id))
    .setAudience('${id}')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(process.env.TODO_ASSISTANT_SECRET));
  res.type('text/plain').send(token);
});
`;
    case 'python':
      return `# Flask: GET /assistant-token, behind your login.
import os, time, jwt

@app.get("/assistant-token")
@login_required
def assistant_token():
    now = int(time.time())
    claims = {"sub": str(current_user.id), "name": current_user.name, "email": current_user.email,
              "aud": "${id}", "iat": now, "exp": now + 600}
    return jwt.encode(claims, os.environ["TODO_ASSISTANT_SECRET"], algorithm="HS256"), 200, {"Content-Type": "text/plain"}
`;
    case 'php':
      return `<?php
// assistant-token.php, behind your login ($user is the signed-in user).
use Firebase\\JWT\\JWT;

$now = time();
header('Content-Type: text/plain');
echo JWT::encode(['sub' => (string) $user->id, 'name' => $user->name, 'email' => $user->email,
                  'aud' => '${id}', 'iat' => $now, 'exp' => $now + 600], getenv('TODO_ASSISTANT_SECRET'), 'HS256');
`;
  }
}
