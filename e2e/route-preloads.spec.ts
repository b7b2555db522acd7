import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

// The server names a page's chunks in the index.html of its address (server/plugins/route-preloads.ts),
// so that a deep link loads the page's code with the first screen's. Timings are measured by
// bench/page-load.bench.ts, not here.
test("An order's address, opened directly: its page's chunks are preloaded, and the page shows", async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  const address = '/orders/R-2026-000103';

  const document = await page.request.get(address);
  const html = await document.text();
  const hrefs = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)" data-route>/g)].map(
    (m) => m[1] ?? '',
  );
  // The order page's own chunk first, then what it imports; none of them index.html's own.
  expect(hrefs[0]).toMatch(/^\/assets\/OrderPage-[\w-]+\.js$/);
  for (const href of hrefs) {
    expect(html.match(new RegExp(`href="${href}"`, 'g'))).toHaveLength(1);
    expect((await page.request.get(href)).ok(), href).toBe(true);
  }

  // Opened directly, the browser loads the preloaded chunks and shows the order.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1, name: 'Order R-2026-000103' })).toBeVisible();
  await expect(page.locator('link[rel="modulepreload"][data-route]')).toHaveCount(hrefs.length);
  for (const href of hrefs) expect(requested).toContain(href);
});
