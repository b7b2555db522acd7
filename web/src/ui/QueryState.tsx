import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from './states.tsx';

/**
 * What a page shows for one query: a loader while it loads, the error with Try again, the empty
 * state when `isEmpty` says there is nothing to show, else `children` with the data.
 */
export function QueryState<T>({
  query,
  loadingLabel,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  isEmpty?: (data: T) => boolean;
  /** What to show instead of an empty result; a general "nothing to show" by default. */
  empty?: ReactNode | ((data: T) => ReactNode);
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) {
    const shown = typeof empty === 'function' ? empty(query.data) : empty;
    return shown ?? <EmptyState>{t('states.empty')}</EmptyState>;
  }
  return children(query.data);
}
