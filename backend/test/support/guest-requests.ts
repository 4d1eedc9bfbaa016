import { randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * A fresh loopback source address (127.x.y.z). Guest creation is limited per client address, counted in the
 * database every test app shares: specs that start guests from their own addresses neither hit nor use up
 * another spec's allowance.
 */
export const loopbackAddress = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

export interface GuestAnswer {
  status: number;
  body: any;
}

/** `POST /api/sites/:siteId/guest` from a loopback address of its own (a new one unless given). */
export function postGuest(
  baseUrl: string,
  siteId: string,
  opts: { origin?: string; from?: string } = {},
): Promise<GuestAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}/api/sites/${encodeURIComponent(siteId)}/guest`,
      {
        method: 'POST',
        localAddress: opts.from ?? loopbackAddress(),
        headers: opts.origin ? { origin: opts.origin } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = text;
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface GuestUser {
  id: string;
  session: string;
  jwt: string;
}

/** A guest of a site that allows guests (throws otherwise). */
export async function newGuest(baseUrl: string, site: { id: string; origin?: string }): Promise<GuestUser> {
  const res = await postGuest(baseUrl, site.id, { origin: site.origin });
  if (res.status !== 200) throw new Error(`guest failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, session: res.body.session, jwt: res.body.token };
}
