import { once } from 'node:events';
import { createServer } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from './outbound-guard.ts';

const blocked = /Outbound network access is blocked in tests: tried to reach/;

let server: ReturnType<typeof createServer>;
let port: number;
beforeAll(async () => {
  server = createServer((_request, response) => response.end('local'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the outbound network guard of the tests', () => {
  it('refuses fetch to an outside address, naming it', async () => {
    await expect(fetch('https://example.com/')).rejects.toThrow(/tried to reach https:\/\/example\.com/);
    await expect(fetch(new Request('http://93.184.216.34/'))).rejects.toThrow(blocked);
  });

  it('refuses a raw socket, a TLS connection and an http request to an outside address', async () => {
    expect(() => net.connect(443, '93.184.216.34')).toThrow(/tried to reach 93\.184\.216\.34:443/);
    expect(() => net.connect({ host: 'example.com', port: 25 })).toThrow(/example\.com:25/);
    expect(() => tls.connect({ host: 'example.com', port: 443 })).toThrow(blocked);
    expect(() => new net.Socket().connect(5432, '10.0.0.5')).toThrow(blocked);
    const { request } = await import('node:https');
    expect(() => request('https://example.com/').end()).toThrow(blocked);
  });

  it('lets fetch and sockets reach this machine', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
    expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('local');
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.destroy();
  });

  it('knows loopback addresses', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', undefined])
      expect(isLoopback(host), String(host)).toBe(true);
    for (const host of ['example.com', '93.184.216.34', '10.0.0.5', '::ffff:93.184.216.34', '128.0.0.1'])
      expect(isLoopback(host), host).toBe(false);
  });
});
