import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { fieldOf, type IssueLike, Pagination } from '../../../contract/index.ts';

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

const listKeys: ReadonlySet<string> = new Set(Object.keys(Pagination));

/** The field an issue is about: its first path segment (the query string is flat). */
const keyOf = (issue: IssueLike) => fieldOf(issue)?.split('.')[0];

/**
 * Parses `raw` with the schema; a value it refuses is dropped (and recorded) and the rest parsed
 * again, so one bad parameter in a shared link does not lose the others.
 */
function parseLeniently<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, unknown>,
): { values: z.output<S>; problems: Record<string, IssueLike> } {
  const input = { ...raw };
  const problems: Record<string, IssueLike> = {};
  for (;;) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { values: parsed.data, problems };
    const dropped = parsed.error.issues.filter((issue) => {
      const key = keyOf(issue);
      if (key === undefined || !(key in input)) return false;
      problems[key] ??= issue;
      delete input[key];
      return true;
    });
    // Nothing left to drop (a schema whose defaults fail): no filters at all.
    if (dropped.length === 0) return { values: schema.parse({}), problems };
  }
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
    const params = new URLSearchParams(paramsKey);
    const raw: Record<string, string> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null && value !== '') raw[key] = value;
    }
    return { ...parseLeniently(schema, raw), raw };
  }, [schema, keys, paramsKey]);

  const write = useCallback(
    (next: Record<string, unknown>) => {
      const params = new URLSearchParams();
      for (const key of keys) {
        const value = next[key];
        if (value === undefined || value === null || value === '' || value === defaults[key]) continue;
        params.set(key, String(value));
      }
      setSearchParams(params);
    },
    [keys, defaults, setSearchParams],
  );

  const apply = useCallback(
    (changes: Record<string, unknown>) => {
      const next = { ...(values as Record<string, unknown>), page: defaults.page, ...changes };
      const parsed = schema.safeParse(
        Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')),
      );
      if (!parsed.success) {
        const found: Record<string, IssueLike> = {};
        for (const issue of parsed.error.issues) {
          const key = keyOf(issue);
          if (key) found[key] ??= issue;
        }
        return found;
      }
      write(parsed.data);
      return null;
    },
    [schema, values, defaults, write],
  );

  const clear = useCallback(() => {
    const current = values as Record<string, unknown>;
    const kept = keys.filter((key) => listKeys.has(key) && key !== 'page');
    write(Object.fromEntries(kept.map((key) => [key, current[key]])));
  }, [keys, values, write]);

  const hasFilters = keys.some(
    (key) => !listKeys.has(key) && (values as Record<string, unknown>)[key] !== undefined,
  );
  return { values, problems, raw, hasFilters, apply, clear };
}
