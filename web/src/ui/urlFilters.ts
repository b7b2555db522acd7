import type { z } from 'zod';
import { fieldOf, type IssueLike, Pagination } from '../../../contract/index.ts';

/** The paging parameters every list has, beside its own filters. */
export const listKeys: ReadonlySet<string> = new Set(Object.keys(Pagination));

/** The field an issue is about: its first path segment (the query string is flat). */
export const keyOf = (issue: IssueLike) => fieldOf(issue)?.split('.')[0];

/** The URL's text of each of `keys` it names with a value (an empty parameter is no filter). */
export function rawFilters(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  return raw;
}

/**
 * Parses `raw` with the schema; a value it refuses is dropped (and recorded) and the rest parsed
 * again, so one bad parameter in a shared link does not lose the others.
 */
export function parseLeniently<S extends z.ZodObject>(
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
 * Filters with `changes` applied, checked by the schema: from page 1 unless `page` is among the
 * changes; an emptied field is no filter. Either the parsed filters or the first problem by field.
 */
export function applyChanges<S extends z.ZodObject>(
  schema: S,
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
): { ok: true; values: z.output<S> } | { ok: false; problems: Record<string, IssueLike> } {
  const defaults: Record<string, unknown> = schema.parse({});
  const next = { ...current, page: defaults.page, ...changes };
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (parsed.success) return { ok: true, values: parsed.data };
  const problems: Record<string, IssueLike> = {};
  for (const issue of parsed.error.issues) {
    const key = keyOf(issue);
    if (key) problems[key] ??= issue;
  }
  return { ok: false, problems };
}

/** The query string of `values`: only `keys`, and none that is empty or the schema's default. */
export function filtersToParams(
  values: Record<string, unknown>,
  keys: readonly string[],
  defaults: Record<string, unknown>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null || value === '' || value === defaults[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

/** What Clear keeps: the page size (and any other paging choice but the page itself). */
export function clearedFilters(
  values: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const kept = keys.filter((key) => listKeys.has(key) && key !== 'page');
  return Object.fromEntries(kept.map((key) => [key, values[key]]));
}

/** Whether any filter beyond the paging is in force. */
export function hasFiltersIn(values: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => !listKeys.has(key) && values[key] !== undefined);
}
