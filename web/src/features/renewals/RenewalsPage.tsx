import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LicenseSearchRequest, LicenseSearchResult } from '../../../../contract/index.ts';
import { isHandledGlobally } from '../../i18n/errors.ts';
import { errorText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { useSearchLicenses } from './api.ts';
import { Results } from './RenewalsResults.tsx';
import { SearchLicensesModal } from './SearchLicensesModal.tsx';

/** Updates & Renewals (SPEC §5): Search licenses of the open account and what may be done with them. */
export function RenewalsPage() {
  const { t } = useTranslation();
  const account = useCurrentSession().openAccount;
  if (!account) return <NoOpenAccount title={t('renewals.title')}>{t('renewals.noAccount')}</NoOpenAccount>;
  return <Renewals account={account} />;
}

type SearchRequest = z.input<typeof LicenseSearchRequest>;
type SearchResult = z.infer<typeof LicenseSearchResult>;

function Renewals({ account }: { account: { customerId: string; name: string; access: string } }) {
  const { t } = useTranslation();
  const search = useSearchLicenses(account.customerId);
  const [searching, setSearching] = useState(false);
  // Shown until the next search answers, so a search run again (after an assignment made from the
  // results) refreshes them in place instead of blanking them.
  const [shown, setShown] = useState<{ request: SearchRequest; result: SearchResult } | null>(null);
  const run = (request: SearchRequest, onDone?: () => void) =>
    search.mutate(request, {
      onSuccess: (result) => {
        setShown({ request, result });
        onDone?.();
      },
    });
  const searchAgain = () => {
    if (shown) run(shown.request);
  };
  const result = shown?.result;
  const problem = search.isError && !isHandledGlobally(search.error) ? errorText(search.error) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('renewals.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('catalog.forAccount', { name: account.name, customerId: account.customerId })}
          </Text>
        </div>
        <Button onClick={() => setSearching(true)}>{t('renewals.searchLicenses')}</Button>
      </Group>
      <Text>{t('renewals.intro')}</Text>
      {account.access === 'own_sales' ? (
        <Alert color="blue" variant="light">
          {t('renewals.ownSales')}
        </Alert>
      ) : null}
      {result ? (
        <Stack gap="sm" component="section" aria-label={t('renewals.results')}>
          {result.notFound.length > 0 ? (
            <Alert
              color="gray"
              variant="light"
              title={t('renewals.notFound', { count: result.notFound.length })}
            >
              {result.notFound.join(', ')}
            </Alert>
          ) : null}
          {result.invalid.length > 0 ? (
            <Alert
              color="gray"
              variant="light"
              title={t('renewals.invalid', { count: result.invalid.length })}
            >
              {result.invalid.join(', ')}
            </Alert>
          ) : null}
          {result.items.length === 0 ? (
            <EmptyState>{t('renewals.noMatch')}</EmptyState>
          ) : (
            <>
              {result.actions.assign ? null : <Text size="sm">{t('assignments.purchaserNote')}</Text>}
              <Results
                items={result.items}
                customerId={account.customerId}
                canAssign={result.actions.assign}
                onAssigned={searchAgain}
              />
            </>
          )}
        </Stack>
      ) : (
        <EmptyState>{t('renewals.start')}</EmptyState>
      )}
      <SearchLicensesModal
        opened={searching}
        onClose={() => setSearching(false)}
        pending={search.isPending}
        error={searching ? problem : null}
        onSearch={(request) => run(request, () => setSearching(false))}
      />
    </Stack>
  );
}
