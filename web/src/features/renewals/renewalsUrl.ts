import type { z } from 'zod';
import { identifierPatterns } from '../../../../contract/identifiers.ts';
import { LicenseSearchRequest, LicenseShow } from '../../../../contract/licenses.ts';

export type SearchRequest = z.input<typeof LicenseSearchRequest>;
type Mode = SearchRequest['mode'];

/** The field of each way of searching, as the request names it. */
export const fieldOf: Record<Mode, string> = {
  licenses: 'text',
  email: 'email',
  serviceDomain: 'serviceDomain',
  order: 'number',
  pack: 'packNumber',
};

/** What Updates & Renewals shows (issue 18): a filter and, if one was run, a search within it. */
export interface RenewalsView {
  show: LicenseShow;
  search: SearchRequest | null;
}

/**
 * The view as the URL keeps it (`?show=ending30&by=email&q=dev@acme.test`), so it is there again
 * after leaving the tab and coming back, or reloading. `show` is always written, so an empty query
 * means "arrived from the top bar", not "chose All".
 */
export function viewOf(params: URLSearchParams): RenewalsView {
  const show = LicenseShow.safeParse(params.get('show'));
  const by = params.get('by') as Mode | null;
  const q = params.get('q');
  let search: SearchRequest | null = null;
  if (by && q !== null && by in fieldOf) {
    const parsed = LicenseSearchRequest.safeParse({ mode: by, [fieldOf[by]]: q });
    if (parsed.success) search = { mode: by, [fieldOf[by]]: q } as SearchRequest;
  }
  return { show: show.success ? show.data : 'all', search };
}

export function paramsOf(view: RenewalsView): URLSearchParams {
  const params = new URLSearchParams({ show: view.show });
  if (view.search) {
    const value = String((view.search as Record<string, unknown>)[fieldOf[view.search.mode]] ?? '');
    params.set('by', view.search.mode);
    params.set('q', view.search.mode === 'licenses' ? withoutKeys(value) : value);
  }
  return params;
}

/**
 * A pasted list with each license key replaced by its License ID (the key's first ten characters):
 * a key is the end user's secret, never put in a URL (history, logs, a shared link), and its
 * License ID finds the same license of the account.
 */
export function withoutKeys(text: string): string {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((token) => {
      const upper = token.toUpperCase();
      return identifierPatterns.licenseKey.test(upper) ? upper.slice(0, 10) : token;
    })
    .join(' ');
}

/** Where the last view of each account is kept for the tab (this browser tab only). */
export const storageKey = (customerId: string) => `renewals-view:${customerId}`;
