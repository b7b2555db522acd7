/**
 * Vitest setup (vitest.config.ts): a test reaches no address outside this machine. Outside
 * services (payment providers, mail relays) are stubbed or run locally; a call that slips past the
 * stub fails at once with the address it tried, instead of depending on the network, leaking data
 * or slowing the run. Loopback (localhost, 127.0.0.0/8, ::1) and Unix sockets stay open for the
 * local SMTP sink, PostgreSQL and the stub servers.
 *
 * `net.Socket.prototype.connect` is where every TCP connection starts (net.connect, tls.connect,
 * http(s).request, pg, nodemailer); fetch is checked first by its URL for a clearer message.
 */
import net from 'node:net';

const guarded = Symbol.for('partner-portal.outbound-guard');

const loopbackNames = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1', '0.0.0.0', '::']);

export function isLoopback(host: string | undefined | null): boolean {
  if (!host) return true; // Node connects to localhost when no host is given
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (loopbackNames.has(name) || name.endsWith('.localhost')) return true;
  const ipv4 = name.replace(/^::ffff:/, '');
  return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}

export class OutboundNetworkError extends Error {
  constructor(target: string) {
    super(
      `Outbound network access is blocked in tests: tried to reach ${target}. ` +
        'Stub the outside service (or run it on localhost); see server/test/outbound-guard.ts.',
    );
    this.name = 'OutboundNetworkError';
  }
}

/** The host and port (or Unix path) of a `socket.connect(...)` call, in any of its forms. */
function targetOf(args: unknown[]): { path?: string | null; host?: string; port?: unknown } {
  // net.connect() and tls.connect() pass their arguments normalised, as an array
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: string | null; host?: string; port?: unknown };
    return { path: options.path, host: options.host, port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof second === 'string' ? second : undefined, port: first };
}

type Guarded = { [guarded]?: true };

if (!(net.Socket.prototype.connect as Guarded)[guarded]) {
  const connect = net.Socket.prototype.connect;
  const guardedConnect = function (this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    // Like net itself: a connection with a path is a Unix socket (http passes `path: null` otherwise)
    if (!target.path && !isLoopback(target.host)) {
      throw new OutboundNetworkError(`${target.host}:${String(target.port)}`);
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect & Guarded;
  guardedConnect[guarded] = true;
  net.Socket.prototype.connect = guardedConnect;
}

if (!(globalThis.fetch as Guarded)[guarded]) {
  const fetch = globalThis.fetch;
  const guardedFetch = (async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !isLoopback(url.hostname)) {
      throw new OutboundNetworkError(url.origin);
    }
    return fetch(input, init);
  }) as typeof fetch & Guarded;
  guardedFetch[guarded] = true;
  globalThis.fetch = guardedFetch;
}
