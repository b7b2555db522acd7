import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeModules } from './routeModules.ts';

// The server preloads each address's page by this list: it must name the module that address
// really loads. Read from the sources (the lazy imports cannot be followed at run time).
const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

/** pages.ts: each lazy page's name, the module it is registered under and the module it imports. */
const declaredPages = [
  ...source('./pages.ts').matchAll(
    /export const (\w+) = preloadablePage\(\s*'\.\/([^']+)',\s*\(\) => import\('\.\/([^']+)'\)/g,
  ),
].map((m) => ({ page: m[1] as string, registered: m[2] as string, imported: m[3] as string }));
const pageModules = new Map(declaredPages.map(({ page, imported }) => [page, `src/${imported}`]));

/** Every address of App.tsx and portalPages.tsx with the page element it shows. */
function routedPages(): [string, string][] {
  const portal = [
    ...source('./portalPages.tsx').matchAll(/\[\s*'([^']+)',\s*(?:'[^']+'|null),\s*<(\w+) key=/g),
  ].map((m): [string, string] => [`/${m[1]}`, m[2] as string]);
  const app = [...source('./App.tsx').matchAll(/\['(\/[^']+)',\s*(?:'[^']+',\s*)?<(\w+) key=/g)].map(
    (m): [string, string] => [m[1] as string, m[2] as string],
  );
  const invitation = /path="(\/invitations\/:token)"[\s\S]*?<(\w+Page) \/>/.exec(source('./App.tsx'));
  return [
    ['/', 'HomePage'],
    ...portal,
    ...app,
    ...(invitation ? [[invitation[1] as string, invitation[2] as string] as [string, string]] : []),
  ];
}

describe('routeModules', () => {
  it('finds every page of pages.ts under the module it imports (the entry preloads by it)', () => {
    expect(declaredPages.length).toBeGreaterThan(25);
    for (const { page, registered, imported } of declaredPages) expect(registered, page).toBe(imported);
  });

  it('names, for every routed page, the module pages.ts loads for it', () => {
    const routed = routedPages();
    expect(routed.length).toBeGreaterThan(25);
    const listed = new Map(routeModules);
    for (const [path, page] of routed) {
      expect(pageModules.get(page), page).toBeDefined();
      expect(listed.get(path), path).toBe(pageModules.get(page));
    }
    // The back office's addresses all load one page.
    expect(listed.get('/admin/*')).toBe(pageModules.get('BackOffice'));
    expect(routeModules.length).toBe(routed.length + 1);
  });
});
