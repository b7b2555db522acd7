import { type ComponentType, createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadablePage, preloadPageOf } from './preloadablePage.ts';

const Heading = ({ text }: { text: string }) => createElement('h1', null, text);

/** A page registered under `module` whose loads are counted; it renders `text` in a heading. */
function countedPage(module: string, text: string) {
  const loads = { count: 0 };
  const page = preloadablePage(
    module,
    async () => {
      loads.count++;
      return { Heading };
    },
    (m) => m.Heading,
  );
  return { page: () => createElement(page, { text }), preload: page.preload, loads };
}

const render = (Page: ComponentType) =>
  renderToString(createElement(Suspense, { fallback: 'loading' }, createElement(Page)));

describe('preloadablePage', () => {
  it('renders through Suspense until loaded, then at once, loading its module once', async () => {
    const { page, preload, loads } = countedPage('./features/test/Alone.tsx', 'Alone');
    expect(render(page)).toContain('loading');
    await preload();
    await preload();
    expect(render(page)).toContain('<h1>Alone</h1>');
    expect(render(page)).not.toContain('loading');
    expect(loads.count).toBe(1);
  });

  it('tries a failed load again on the next call', async () => {
    let fail = true;
    const page = preloadablePage(
      './features/test/Flaky.tsx',
      async () => {
        if (fail) throw new Error('offline');
        return { Heading };
      },
      (m) => m.Heading,
    );
    await expect(page.preload()).rejects.toThrow('offline');
    fail = false;
    await page.preload();
    expect(renderToString(createElement(page, { text: 'back' }))).toContain('back');
  });

  it('preloads the page of an address as the router matches it, and nothing for an unknown one', async () => {
    const quotes = countedPage('./features/quotes/QuotesPage.tsx', 'Quotes');
    const quote = countedPage('./features/quotes/QuotePage.tsx', 'A quote');
    const newQuote = countedPage('./features/quotes/NewQuotePage.tsx', 'New quote');
    const backOffice = countedPage('./features/back-office/BackOffice.tsx', 'Back office');
    preloadPageOf('/quotes/new');
    expect([quotes.loads.count, quote.loads.count, newQuote.loads.count]).toEqual([0, 0, 1]);
    preloadPageOf('/quotes/Q-2026-000001');
    expect([quotes.loads.count, quote.loads.count, newQuote.loads.count]).toEqual([0, 1, 1]);
    preloadPageOf('/admin/partners');
    preloadPageOf('/no/such/page');
    expect([quotes.loads.count, backOffice.loads.count]).toEqual([0, 1]);
    await quote.preload();
    expect(render(quote.page)).toContain('A quote');
  });
});
