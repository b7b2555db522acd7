import type { Endpoint } from '../../../contract/index.ts';
import { buildUrl } from './client.ts';

/**
 * The address of a list's CSV with the filters on screen: the same query as the list's page
 * without the page, since the file holds every row the filters match.
 */
export function listCsvUrl(
  endpoint: Endpoint,
  filters: { page?: number | undefined; pageSize?: number | undefined } & object,
  params?: object,
): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return buildUrl(endpoint.path, params, rest);
}
