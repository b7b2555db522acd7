import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeModules } from '../../web/src/routeModules.ts';
import { type Manifest, preloadsFor, routePreloads, withPreloads } from './route-preloads.ts';
import { webApp } from './web-app.ts';

/** A build's manifest in Vite's shape: an entry, two pages sharing a chunk, a chunk of the first screen. */
const manifest: Manifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_vendor-1.js'], src: 'index.html' },
  '_vendor-1.js': { file: 'assets/vendor-1.js' },
  '_table-1.js': { file: 'assets/table-1.js', imports: ['_vendor-1.js', '_date-1.js'] },
  '_date-1.js': { file: 'assets/date-1.js' },
  'src/features/quotes/QuotesPage.tsx': {
    file: 'assets/QuotesPage-1.js',
    src: 'src/features/quotes/QuotesPage.tsx',
    imports: ['_table-1.js'],
  },
  'src/features/quotes/QuotePage.tsx': {
    file: 'assets/QuotePage-1.js',
    src: 'src/features/quotes/QuotePage.tsx',
    imports: ['_vendor-1.js'],
    dynamicImports: ['src/features/quotes/QuotesPage.tsx'],
  },
  'src/features/quotes/NewQuotePage.tsx': { file: 'assets/NewQuotePage-1.js' },
  'src/features/back-office/BackOffice.tsx': { file: 'assets/BackOffice-1.js' },
};

describe('route preloads', () => {
  const table = routePreloads(manifest, routeModules);

  it("names a page's chunk and what it imports, transitively, less the first screen's", () => {
    expect(preloadsFor(table, '/quotes')).toEqual([
      '/assets/QuotesPage-1.js',
      '/assets/table-1.js',
      '/assets/date-1.js',
    ]);
    // Not the lazy imports of the page, nor the vendor chunk index.html loads already.
    expect(preloadsFor(table, '/quotes/Q-2026-000045')).toEqual(['/assets/QuotePage-1.js']);
    expect(preloadsFor(table, '/quotes/Q-2026-000045/')).toEqual(['/assets/QuotePage-1.js']);
  });

  it('matches a fixed address before one with a parameter, and a rest', () => {
    expect(preloadsFor(table, '/quotes/new')).toEqual(['/assets/NewQuotePage-1.js']);
    expect(preloadsFor(table, '/admin/mailbox/12')).toEqual(['/assets/BackOffice-1.js']);
    expect(preloadsFor(table, '/admin')).toEqual([]);
    // Pages not in this manifest, and addresses of no page, get no links.
    expect(preloadsFor(table, '/orders')).toEqual([]);
    expect(preloadsFor(table, '/quotes/Q-1/nothing')).toEqual([]);
  });

  it('puts the links in the head, escaped', () => {
    const html = withPreloads('<html><head><title>P</title></head><body></body></html>', [
      '/a.js',
      '/b"c.js',
    ]);
    expect(html).toBe(
      '<html><head><title>P</title><link rel="modulepreload" crossorigin href="/a.js" data-route>\n' +
        '<link rel="modulepreload" crossorigin href="/b&quot;c.js" data-route>\n</head><body></body></html>',
    );
  });
});

describe('web app', () => {
  let webRoot: string;
  const app = Fastify({ logger: false });

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'pp-web-'));
    await mkdir(join(webRoot, '.vite'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(
      join(webRoot, 'index.html'),
      '<!doctype html><html><head><title>Portal</title></head></html>',
    );
    await writeFile(join(webRoot, '.vite/manifest.json'), JSON.stringify(manifest));
    await writeFile(join(webRoot, 'assets/QuotePage-1.js'), 'export {}');
    await app.register(webApp, { webRoot });
  });
  afterAll(async () => {
    await app.close();
    await rm(webRoot, { recursive: true });
  });

  it("answers each client route with index.html naming its page's chunks", async () => {
    const quote = await app.inject({ method: 'GET', url: '/quotes/Q-2026-000045?tab=lines' });
    expect(quote.statusCode).toBe(200);
    expect(quote.headers['content-type']).toContain('text/html');
    expect(quote.body).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/QuotePage-1.js" data-route>',
    );

    const start = await app.inject({ method: 'GET', url: '/' });
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<title>Portal</title>');
    expect(start.body).not.toContain('data-route');

    expect((await app.inject({ method: 'GET', url: '/assets/QuotePage-1.js' })).body).toBe('export {}');
  });

  it('keeps the build manifest to itself, and API misses JSON', async () => {
    const hidden = await app.inject({ method: 'GET', url: '/.vite/manifest.json' });
    expect(hidden.body).not.toContain('QuotePage-1.js');
    const api = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'route.not_found' });
  });
});
