import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { paramsOf, type RenewalsView, storageKey, viewOf } from './renewalsUrl.ts';

function stored(customerId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(customerId));
  } catch {
    return null; // Storage refused (a privacy mode): the view is then only in the URL.
  }
}

/**
 * The filter and search of Updates & Renewals, kept in the URL. Arriving without them (the top
 * bar's link) takes the last ones used for this account in this browser tab, so leaving the tab and
 * coming back shows the same list; the URL then says so too (replaced, not a new history entry).
 */
export function useRenewalsView(customerId: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const fromUrl = searchParams.has('show');
  const last = fromUrl ? null : stored(customerId);
  const params = fromUrl ? searchParams : new URLSearchParams(last ?? '');
  const view = viewOf(params);
  const query = paramsOf(view).toString();

  useEffect(() => {
    if (!fromUrl && last) setSearchParams(new URLSearchParams(last), { replace: true });
  }, [fromUrl, last, setSearchParams]);
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(customerId), query);
    } catch {
      // As above: nothing kept beyond the URL.
    }
  }, [customerId, query]);

  const change = useCallback((next: RenewalsView) => setSearchParams(paramsOf(next)), [setSearchParams]);
  return { view, change };
}
