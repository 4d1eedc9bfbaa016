/**
 * Jest setup file: the backend suites run with networking off for the process. Any socket to an address
 * outside loopback (or to a host name other than localhost) throws, so a code path that needs the network
 * — an OpenAI call, telemetry, a CDN — fails its test instead of passing by luck.
 */
import net from 'node:net';
import tls from 'node:tls';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export class NetworkDisabledError extends Error {
  constructor(host: string) {
    super(`Network access to ${host} is disabled in tests (only loopback is allowed)`);
  }
}

function hostOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (Array.isArray(first)) return hostOf(first);
  if (first && typeof first === 'object') {
    const o = first as { host?: string; path?: string };
    if (o.path) return undefined; // unix socket
    return o.host ?? 'localhost';
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  return undefined; // a unix socket path
}

const GUARD = Symbol.for('todo-assistant.no-network');
const proto = net.Socket.prototype as net.Socket & { [GUARD]?: boolean };
if (!proto[GUARD]) {
  proto[GUARD] = true;
  const connect = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== undefined && !LOOPBACK.test(host)) throw new NetworkDisabledError(host);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  const tlsConnect = tls.connect;
  (tls as { connect: typeof tls.connect }).connect = function guardedTls(...args: unknown[]) {
    const host = hostOf(args);
    if (host !== undefined && !LOOPBACK.test(host)) throw new NetworkDisabledError(host);
    return (tlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args);
  };
}
