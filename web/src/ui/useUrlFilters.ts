import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { IssueLike } from '../../../contract/index.ts';
import {
  applyChanges,
  clearedFilters,
  filtersToParams,
  hasFiltersIn,
  parseLeniently,
  rawFilters,
} from './urlFilters.ts';

/** What a list's filters are, as its query schema gives them: values, and problems by field. */
export interface UrlFilters<Values> {
  /** The filters in force: the URL's valid values, the schema's defaults for the rest. */
  values: Values;
  /** What was wrong in the URL (a search too short, a date out of range…), by field; those were dropped. */
  problems: Record<string, IssueLike>;
  /** The URL's text of each filter it names, so a refused value can be shown where it is corrected. */
  raw: Record<string, string>;
  /** Any filter beyond the page and its size. */
  hasFilters: boolean;
  /**
   * Checks the filters with `changes` applied (from page 1 unless `page` is among them): if the
   * schema accepts them they go to the URL and nothing is returned; else the problems by field.
   */
  apply: (changes: Record<string, unknown>) => Record<string, IssueLike> | null;
  /** Every filter off; the page size stays. */
  clear: () => void;
}

/**
 * A list's filters kept in the URL (`?from=&to=&q=&page=`), parsed with the list's query schema
 * from the contract, so a search can be shared, reloaded and walked through with Back and Forward.
 * Values equal to the schema's defaults stay out of the URL.
 */
export function useUrlFilters<S extends z.ZodObject>(schema: S): UrlFilters<z.output<S>> {
  const [searchParams, setSearchParams] = useSearchParams();
  const keys = useMemo(() => Object.keys(schema.shape), [schema]);
  const defaults: Record<string, unknown> = useMemo(() => schema.parse({}), [schema]);

  const paramsKey = searchParams.toString();
  const { values, problems, raw } = useMemo(() => {
    const raw = rawFilters(new URLSearchParams(paramsKey), keys);
    return { ...parseLeniently(schema, raw), raw };
  }, [schema, keys, paramsKey]);

  const write = useCallback(
    (next: Record<string, unknown>) => setSearchParams(filtersToParams(next, keys, defaults)),
    [keys, defaults, setSearchParams],
  );

  // A change starts from the address as it is now, not as this render saw it: two filters changed
  // in quick succession (a second select before the first change has rendered) would otherwise
  // write the second over the first, undoing it. The router writes the address at once.
  const valuesNow = useCallback(
    () =>
      parseLeniently(schema, rawFilters(new URLSearchParams(window.location.search), keys)).values as Record<
        string,
        unknown
      >,
    [schema, keys],
  );

  const apply = useCallback(
    (changes: Record<string, unknown>) => {
      const result = applyChanges(schema, valuesNow(), changes);
      if (!result.ok) return result.problems;
      write(result.values);
      return null;
    },
    [schema, valuesNow, write],
  );

  const clear = useCallback(() => write(clearedFilters(valuesNow(), keys)), [keys, valuesNow, write]);

  const hasFilters = hasFiltersIn(values as Record<string, unknown>, keys);
  return { values, problems, raw, hasFilters, apply, clear };
}
