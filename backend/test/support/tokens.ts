import { INestApplication } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Auth, AUTH } from '../../src/auth/auth.instance';

/** Signs any payload with the backend's own current key (to build expired or wrong-audience tokens). */
export async function signWithBackendKey(
  app: INestApplication,
  payload: Record<string, unknown>,
): Promise<string> {
  const auth = app.get<Auth>(AUTH);
  const { token } = await auth.api.signJWT({ body: { payload } });
  return token;
}

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [h, p] = token.split('.');
  return { header: decodePart(h), payload: decodePart(p) };
}

/** The same claims and kid, signed by a key the backend never issued. */
export function signWithForeignKey(realToken: string): string {
  const { header, payload } = decodeJwt(realToken);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return jwt.sign(payload, privateKey, { algorithm: 'ES256', keyid: String(header.kid) });
}

/** `alg: none`: claims with no signature at all. */
export function unsignedToken(realToken: string): string {
  const { header, payload } = decodeJwt(realToken);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ ...header, alg: 'none' })}.${enc(payload)}.`;
}

/** The classic confusion attack: HS256 with the server's public key as the HMAC secret. */
export async function signHs256WithPublicKey(baseUrl: string, realToken: string): Promise<string> {
  const { header, payload } = decodeJwt(realToken);
  const jwks = (await (await fetch(`${baseUrl}/api/auth/jwks`)).json()) as {
    keys: Array<Record<string, unknown>>;
  };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  const { createPublicKey } = await import('node:crypto');
  const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({
    format: 'pem',
    type: 'spki',
  }) as string;
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const { createHmac } = await import('node:crypto');
  const signingInput = `${enc({ alg: 'HS256', typ: 'JWT', kid: header.kid })}.${enc(payload)}`;
  return `${signingInput}.${createHmac('sha256', pem).update(signingInput).digest('base64url')}`;
}

/** What the bad tokens are built from; read when a case runs, so the list can be made before the app exists. */
export interface TokenContext {
  app: INestApplication;
  baseUrl: string;
  user: { id: string; jwt: string; sessionToken: string };
}

/**
 * Every kind of access token the backend must refuse (401), built for one real user: missing, malformed,
 * expired, wrong issuer or audience, foreign key, `alg: none`, HS256 keyed with the public key, a session
 * token instead of a JWT, no subject. `null` means no Authorization header at all.
 */
export function badTokenCases(ctx: () => TokenContext): Array<[string, () => Promise<string | null>]> {
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (payload: Record<string, unknown>) => signWithBackendKey(ctx().app, payload);
  return [
    ['no token', async () => null],
    ['a malformed token', async () => 'not.a.jwt'],
    ['random garbage', async () => 'x'.repeat(300)],
    ['an expired token', () => sign({ sub: ctx().user.id, exp: now() - 60, iat: now() - 960 })],
    ['a token for another issuer', () => sign({ sub: ctx().user.id, iss: 'https://evil.example' })],
    ['a token for another audience', () => sign({ sub: ctx().user.id, aud: 'https://evil.example' })],
    ['a token signed by another key', async () => signWithForeignKey(ctx().user.jwt)],
    ['an unsigned alg:none token', async () => unsignedToken(ctx().user.jwt)],
    ['an HS256 token keyed with the public key', () => signHs256WithPublicKey(ctx().baseUrl, ctx().user.jwt)],
    ['a session token where a JWT is expected', async () => ctx().user.sessionToken],
    ['a token without a subject', () => sign({ email: 'x@example.test' })],
  ];
}
