// Full page load of the portal's main pages in Chromium, logged in, on the built app (web/dist)
// served by the real server on loopback with the demo data (PGlite). Each load is a cold one: a
// new browser context (no cache), the session cookie set, then the page's address typed in.
// Per page it prints the median of BENCH_PAGE_ROUNDS loads (default 5; CI: 1, with BENCH_PAGES=1) of
//  - load: navigation start to the load event,
//  - content: navigation start to the page's h1 in the document (the next animation frame),
//  - JS: the JavaScript files fetched up to that point,
//  - chain: the longest series of requests (document, scripts, API calls) each started only after
//    the one before it had finished: how many round trips one after another the page waited for.
// Each page is measured twice: as served (with the modulepreload links the server adds for the
// page's route) and with those links taken out of the HTML, which is how it loaded before.
// BENCH_APP_DIR serves the app of another checkout (its own web/dist) to compare two commits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { BENCH_BILLING_ADDRESS } from './bench-address.ts';
import { startDemoApp } from './demo-app.ts';
import { login } from './http-measure.ts';

const rounds = Number(process.env.BENCH_PAGE_ROUNDS ?? 5);
/** How many of the pages below to measure (all by default; CI measures one, once, to stay fast). */
const pageCount = Number(process.env.BENCH_PAGES ?? Number.POSITIVE_INFINITY);
const appDir = process.env.BENCH_APP_DIR;

const pages: [name: string, path: string][] = [
  ['Find customer (start page)', '/'],
  ['Catalog', '/catalog'],
  ['Quotes', '/quotes'],
  ['A quote', '/quotes/:quote'],
  ['Orders', '/orders'],
  ['An order', '/orders/R-2026-000103'],
  ['Invoices', '/invoices'],
  ['Updates & Renewals', '/renewals'],
  ['Company profile', '/company'],
];

/** Marks in the page when its first h1 with text is in the document (measured on the next frame). */
const markContent = () => {
  const check = () => {
    const h1 = document.querySelector('h1');
    if (!h1?.textContent?.trim()) return false;
    requestAnimationFrame(() => {
      (window as unknown as { contentAt: number }).contentAt = performance.now();
    });
    return true;
  };
  new MutationObserver((_, observer) => {
    if (check()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

interface Load {
  load: number;
  content: number;
  js: number;
  chain: number;
}

/** The longest series of requests each started after the previous one ended (resource timing). */
function longestChain(requests: { start: number; end: number }[]): number {
  const sorted = [...requests].sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j] as { start: number; end: number };
      if (earlier.end <= request.start) before = Math.max(before, depth[j] ?? 0);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

async function loadOnce(
  browser: Browser,
  base: string,
  cookie: string,
  path: string,
  withHints: boolean,
): Promise<Load> {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'en-US',
    viewport: { width: 1366, height: 768 },
  });
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const [name = '', ...value] = pair.split('=');
      return { name, value: value.join('='), url: base };
    }),
  );
  await context.addInitScript(markContent);
  if (!withHints) {
    await context.route(
      (url) => url.pathname === path,
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /<link rel="modulepreload"[^>]*data-route[^>]*>\n?/g,
          '',
        );
        await route.fulfill({ response, body: html });
      },
    );
  }
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { contentAt?: number }).contentAt !== undefined);
  const measured = await page.evaluate(() => {
    const contentAt = (window as unknown as { contentAt: number }).contentAt;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime <= contentAt)
      .map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd }));
    return {
      load: navigation.loadEventEnd,
      content: contentAt,
      documentEnd: navigation.responseEnd,
      requests,
    };
  });
  await context.close();
  const scripts = measured.requests.filter((r) => /\/assets\/.*\.js$/.test(new URL(r.name).pathname));
  const chained = measured.requests.filter(
    (r) => /\.js$/.test(new URL(r.name).pathname) || new URL(r.name).pathname.startsWith('/api/'),
  );
  return {
    load: measured.load,
    content: measured.content,
    js: scripts.length,
    chain: longestChain([{ start: 0, end: measured.documentEnd }, ...chained]),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

const webDist = join(appDir ?? '.', 'web/dist/index.html');
if (!existsSync(webDist)) {
  console.error(`page-load bench: ${webDist} is missing; run \`npm run build\` first.`);
  process.exit(1);
}

const app = await startDemoApp('pglite', { appDir });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const { cookie, headers } = await login(app.base, 'admin@demo-reseller.test', 'demo-pass-2026');
  // A quote to open (the demo data has none of the demo reseller's), made as the web app makes one.
  const post = async (path: string, body: unknown) =>
    (await fetch(`${app.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  await post('/api/customers/open', {
    identifier: { kind: 'customerId', value: '6703615' },
    email: 'it@acme.test',
  });
  await post('/api/customers/6703615/cart/lines', { productCode: 'II', quantity: 2, termYears: 1 });
  const quote = await post('/api/quotes', {
    customerId: '6703615',
    billingAddress: BENCH_BILLING_ADDRESS,
    endUser: { name: 'Bench User', email: 'bench.user@acme.test' },
  });
  const quoteNumber: string | undefined = quote.quoteNumber;
  if (!quoteNumber) throw new Error('page-load bench: the quote could not be made');
  // The first load of each kind warms the server (its first answers compile code) and is not counted.
  await loadOnce(browser, app.base, cookie, '/', true);
  console.log(
    `\nPage load, cold cache, Chromium headless on loopback, median of ${rounds} (ms; JS files; longest request chain)`,
  );
  console.log(
    `${'page'.padEnd(28)} ${'without hints: load'.padStart(20)} ${'content'.padStart(8)} ${'JS'.padStart(4)} ${'chain'.padStart(6)}   ${'as served: load'.padStart(16)} ${'content'.padStart(8)} ${'JS'.padStart(4)} ${'chain'.padStart(6)}`,
  );
  const all: { without: number; served: number }[] = [];
  for (const [name, pattern] of pages.slice(0, pageCount)) {
    const path = pattern.replace(':quote', quoteNumber);
    const without: Load[] = [];
    const served: Load[] = [];
    for (let round = 0; round < rounds; round++) {
      without.push(await loadOnce(browser, app.base, cookie, path, false));
      served.push(await loadOnce(browser, app.base, cookie, path, true));
    }
    const row = (loads: Load[], width: number) =>
      [
        median(loads.map((l) => l.load))
          .toFixed(0)
          .padStart(width),
        median(loads.map((l) => l.content))
          .toFixed(0)
          .padStart(8),
        String(median(loads.map((l) => l.js))).padStart(4),
        String(median(loads.map((l) => l.chain))).padStart(6),
      ].join(' ');
    console.log(`${name.padEnd(28)} ${row(without, 20)}   ${row(served, 16)}`);
    all.push({
      without: Math.max(median(without.map((l) => l.load)), median(without.map((l) => l.content))),
      served: Math.max(median(served.map((l) => l.load)), median(served.map((l) => l.content))),
    });
  }
  const worst = (key: 'without' | 'served') => Math.max(...all.map((row) => row[key])).toFixed(0);
  console.log(
    `Slowest page (later of load and content): ${worst('without')} ms without hints, ${worst('served')} ms as served (target ≤ 500 ms)`,
  );
} finally {
  await browser.close();
  await app.stop();
}
