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
