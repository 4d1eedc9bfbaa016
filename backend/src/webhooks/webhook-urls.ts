import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../common/domain-error';

/** Where a webhook may never point outside development: loopback, private, link-local, shared and reserved ranges. */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
// No `::ffff:0:0/96` (IPv4-mapped): BlockList checks a mapped address against the IPv4 rules above already, and
// checks every IPv4 address against that range too, so listing it would refuse every IPv4 host.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const invalid = (message: string) => new DomainError('invalid_input', message);

/**
 * A webhook URL as stored: outside development https only, to a host whose every address is public (no SSRF
 * through us into the backend's own network); in development, http on loopback too, for local receivers.
 */
export async function checkWebhookUrl(raw: string, development: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid(`"${raw.slice(0, 200)}" is not a URL.`);
  }
  if (url.username || url.password) throw invalid('A webhook URL must not carry credentials.');
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (development && loopback && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href;
  if (url.protocol !== 'https:')
    throw invalid('A webhook URL must be https (http only for localhost in development).');
  await publicAddresses(url.hostname);
  return url.href;
}

/** The host's addresses, all public; refuses a host with any private, loopback or reserved one. */
export async function publicAddresses(hostname: string): Promise<Array<{ address: string; family: number }>> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw invalid(`The webhook host ${host} does not resolve.`);
  }
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  if (bad)
    throw invalid(
      `The webhook host ${host} resolves to ${bad.address}, a private, loopback or reserved address: webhooks go to public servers only.`,
    );
  return addresses;
}
