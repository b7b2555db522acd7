import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a balancer may hand us as a request id: a UUID or a similar token. Anything else (a
 * newline, a megabyte, a quote) would be written into every log line of the request.
 */
const wellFormed = /^[A-Za-z0-9._:-]{8,128}$/;

/** The balancers' addresses as a BlockList; a hop count trusts whoever is next to us. */
function trustedPeers(trustProxy: number | string[] | undefined): (address: string | undefined) => boolean {
  if (trustProxy === undefined) return () => false;
  if (typeof trustProxy === 'number') return () => trustProxy > 0;
  const list = new BlockList();
  for (const entry of trustProxy) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.replace(/^::ffff:(?=\d+\.)/, '');
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * Fastify's `genReqId`: the id the balancer in front gave the request (so its log and ours join
 * up), when the peer is a trusted balancer and the id is well-formed; otherwise a new UUID. A
 * client's own header is never taken as it is: it could make its requests look like someone else's.
 */
export function requestIdGenerator(
  trustProxy: number | string[] | undefined,
): (request: IncomingMessage) => string {
  const trusted = trustedPeers(trustProxy);
  return (request) => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    if (typeof incoming === 'string' && wellFormed.test(incoming) && trusted(request.socket?.remoteAddress)) {
      return incoming;
    }
    return randomUUID();
  };
}

/** Every answer names its request id, so a user's report or a balancer's log finds our lines. */
export const requestIdHeader = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
});
