import { type FormEvent, useEffect, useState } from 'react';
import type { IssueLike } from '../../../contract/index.ts';
import type { UrlFilters } from './useUrlFilters.ts';

/** The filters every list of documents shares (quotes, orders, invoices, licenses). */
export type ListFilters = { from?: string; to?: string; q?: string } & Record<string, unknown>;

type Range = [string | null, string | null];

/**
 * What the filter bar shows before it is applied (the date range being picked, the search text
 * being typed) and the problems the URL or the list's schema found, kept in step with the URL.
 */
export function useFilterBarState<Values extends ListFilters>(filters: UrlFilters<Values>) {
  const applied = filters.values;
  const [range, setRange] = useState<Range>([applied.from ?? null, applied.to ?? null]);
  // A search text the URL gave but the schema refused stays in the box, with its message.
  const urlSearch = (filters.problems.q ? filters.raw.q : applied.q) ?? '';
  const [search, setSearch] = useState(urlSearch);
  const [problems, setProblems] = useState<Record<string, IssueLike>>(filters.problems);

  // The URL changed (Back/Forward, a link, Clear): show its filters, and what was wrong in it.
  // Each part follows its own part of the URL: a select applied while the search text is being
  // typed changes the URL but not its `q`, and must not wipe the text.
  const { from, to } = applied;
  const urlProblems = filters.problems;
  useEffect(() => setRange([from ?? null, to ?? null]), [from, to]);
  useEffect(() => setSearch(urlSearch), [urlSearch]);
  useEffect(() => setProblems(urlProblems), [urlProblems]);

  const apply = (changes: ListFilters) => {
    const found = filters.apply(changes);
    setProblems(found ?? {});
  };

  // Both dates picked, or the range cleared: apply it at once, with the search text already
  // applied (text typed but not yet searched waits for Search).
  const changeRange = (next: Range) => {
    setRange(next);
    const [start, end] = next;
    if (Boolean(start) !== Boolean(end)) return;
    if ((start ?? undefined) === from && (end ?? undefined) === to) return;
    apply({ from: start ?? undefined, to: end ?? undefined });
  };

  // Typing corrects the search text: its message goes.
  const changeSearch = (next: string) => {
    setSearch(next);
    if (problems.q) setProblems(({ q: _corrected, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A range with one date picked is not a range yet: keep the one applied.
    const complete = Boolean(range[0]) === Boolean(range[1]);
    apply({
      from: complete ? (range[0] ?? undefined) : from,
      to: complete ? (range[1] ?? undefined) : to,
      q: search.trim() || undefined,
    });
  };

  return { range, changeRange, search, changeSearch, problems, apply, submit };
}
