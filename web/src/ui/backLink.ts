import { useLocation } from 'react-router';

/** The list a page was opened from, as history state carries it (its filters in the query string). */
interface BackState {
  back: string;
}

/**
 * The history state a link from a list gives the page it opens, so the page's "Back to …" link
 * returns to the list as it was filtered; history state, not the URL, so shared links stay clean.
 */
export function useListState(): BackState {
  const location = useLocation();
  return { back: `${location.pathname}${location.search}` };
}

/** Where "Back to …" goes: the list the page was opened from when it was one of ours, else `fallback`. */
export function useBackTo(fallback: string): string {
  const state: unknown = useLocation().state;
  const back = (state as Partial<BackState> | null)?.back;
  // Only a path of this app: never another origin (`//host`) handed in by someone else's state.
  return typeof back === 'string' && back.startsWith(fallback) && !back.startsWith('//') ? back : fallback;
}
