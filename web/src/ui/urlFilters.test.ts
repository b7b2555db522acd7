import { describe, expect, it } from 'vitest';
import { InvoiceListQuery, QuoteListQuery } from '../../../contract/index.ts';
import {
  applyChanges,
  clearedFilters,
  filtersToParams,
  hasFiltersIn,
  parseLeniently,
  rawFilters,
} from './urlFilters.ts';

const keys = Object.keys(QuoteListQuery.shape);
const defaults: Record<string, unknown> = QuoteListQuery.parse({});

describe('rawFilters', () => {
  it('takes the list’s parameters that have a value, and nothing else', () => {
    const params = new URLSearchParams('q=acme&from=&page=2&utm_source=mail');
    expect(rawFilters(params, keys)).toEqual({ q: 'acme', page: '2' });
  });
});

describe('parseLeniently', () => {
  it('parses valid filters and fills the defaults', () => {
    const { values, problems } = parseLeniently(QuoteListQuery, { q: 'acme', page: '3' });
    expect(values).toMatchObject({ q: 'acme', page: 3, pageSize: defaults.pageSize });
    expect(problems).toEqual({});
  });

  it('drops a refused value and keeps the others, recording why', () => {
    const { values, problems } = parseLeniently(QuoteListQuery, { q: 'ab', status: 'open', page: '0' });
    expect(values).toMatchObject({ status: 'open', page: 1 });
    expect(values.q).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(['page', 'q']);
  });

  it('drops the end of a range that ends before it starts', () => {
    const { values, problems } = parseLeniently(QuoteListQuery, { from: '2026-05-10', to: '2026-05-01' });
    expect(values.from).toBe('2026-05-10');
    expect(values.to).toBeUndefined();
    expect(Object.keys(problems)).toEqual(['to']);
  });
});

describe('applyChanges', () => {
  it('starts again from page 1 when a filter changes', () => {
    const result = applyChanges(QuoteListQuery, { page: 4, pageSize: 50 }, { q: 'acme' });
    expect(result).toMatchObject({ ok: true, values: { q: 'acme', page: 1, pageSize: 50 } });
  });

  it('keeps the page asked for', () => {
    const result = applyChanges(QuoteListQuery, { q: 'acme', page: 1 }, { page: 2 });
    expect(result).toMatchObject({ ok: true, values: { q: 'acme', page: 2 } });
  });

  it('treats an emptied field as no filter', () => {
    const result = applyChanges(InvoiceListQuery, { status: 'paid' }, { status: '' });
    expect(result.ok && result.values.status).toBe(undefined);
  });

  it('returns the problems by field, without applying anything', () => {
    const result = applyChanges(QuoteListQuery, {}, { q: 'ab', from: '2026-13-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(['from', 'q']);
  });
});

describe('filtersToParams', () => {
  it('leaves defaults and empty values out of the URL', () => {
    const params = filtersToParams(
      { q: 'acme', status: undefined, from: '', page: 1, pageSize: defaults.pageSize },
      keys,
      defaults,
    );
    expect(params.toString()).toBe('q=acme');
  });

  it('writes a page and page size other than the defaults', () => {
    expect(filtersToParams({ page: 3, pageSize: 50 }, keys, defaults).toString()).toBe('page=3&pageSize=50');
  });
});

describe('clearing', () => {
  it('keeps the page size and nothing else', () => {
    expect(clearedFilters({ q: 'acme', status: 'open', page: 3, pageSize: 50 }, keys)).toEqual({
      pageSize: 50,
    });
  });

  it('tells whether any filter beyond paging is on', () => {
    expect(hasFiltersIn({ page: 3, pageSize: 50 }, keys)).toBe(false);
    expect(hasFiltersIn({ q: 'acme', page: 1 }, keys)).toBe(true);
  });
});
