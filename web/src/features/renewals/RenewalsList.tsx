import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LicenseSearchResult } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState } from '../../ui/states.tsx';
import { Results } from './RenewalsResults.tsx';

/** Most licenses one answer holds (the server's limit), told when the list stops there. */
const ROWS_MAX = 2_000;

/**
 * What Updates & Renewals shows: the account's subscriptions by the filter, or a search's results
 * within it, with what the search could not find and whether the list was cut short.
 */
export function RenewalsList({
  result,
  searched,
  customerId,
  onAssigned,
}: {
  result: z.infer<typeof LicenseSearchResult>;
  searched: boolean;
  customerId: string;
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" component="section" aria-label={searched ? t('renewals.results') : t('renewals.listed')}>
      {result.notFound.length > 0 ? (
        <Alert color="gray" variant="light" title={t('renewals.notFound', { count: result.notFound.length })}>
          {result.notFound.join(', ')}
        </Alert>
      ) : null}
      {result.invalid.length > 0 ? (
        <Alert color="gray" variant="light" title={t('renewals.invalid', { count: result.invalid.length })}>
          {result.invalid.join(', ')}
        </Alert>
      ) : null}
      {result.truncated ? (
        <Alert color="yellow" variant="light">
          {t('renewals.truncated', { max: format.integer(ROWS_MAX) })}
        </Alert>
      ) : null}
      {result.items.length === 0 ? (
        <EmptyState>{searched ? t('renewals.noMatch') : t('renewals.noneShown')}</EmptyState>
      ) : (
        <>
          {result.actions.assign ? null : <Text size="sm">{t('assignments.purchaserNote')}</Text>}
          <Results
            items={result.items}
            customerId={customerId}
            canAssign={result.actions.assign}
            onAssigned={onAssigned}
          />
        </>
      )}
    </Stack>
  );
}
