import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls to the element the URL's hash names once it is on the page (`/catalog#cart` from "View
 * cart"): a client-side navigation does not scroll to a hash as a page load would. `ready` is when
 * the element is there.
 */
export function useScrollToHash(ready = true): void {
  const { hash, key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` scrolls again on each navigation to the same hash.
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [hash, key, ready]);
}
