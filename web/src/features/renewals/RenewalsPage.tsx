import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LicenseShow } from '../../../../contract/index.ts';
import { isHandledGlobally } from '../../i18n/errors.ts';
import { errorText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { licenseKeys, useLicenseView, useRefreshLicenses, useSearchLicenses } from './api.ts';
import { RenewalsList } from './RenewalsList.tsx';
import { fieldOf, paramsOf, type SearchRequest, viewOf } from './renewalsUrl.ts';
import { SearchLicensesModal } from './SearchLicensesModal.tsx';
import { useRenewalsView } from './useRenewalsView.ts';

/**
 * Updates & Renewals (SPEC §5, issue 18): the open account's subscriptions on arrival, soonest
 * ending first and filtered by how soon they end; Search licenses narrows them.
 */
export function RenewalsPage() {
  const { t } = useTranslation();
  const account = useCurrentSession().openAccount;
  if (!account) return <NoOpenAccount title={t('renewals.title')}>{t('renewals.noAccount')}</NoOpenAccount>;
  return <Renewals key={account.customerId} account={account} />;
}

function Renewals({ account }: { account: { customerId: string; name: string; access: string } }) {
  const { t } = useTranslation();
  const { customerId } = account;
  const { view, change } = useRenewalsView(customerId);
  const shown = useLicenseView(customerId, view.show, view.search);
  const refresh = useRefreshLicenses(customerId);
  const search = useSearchLicenses(customerId);
  const queryClient = useQueryClient();
  const [searching, setSearching] = useState(false);
  const problem = search.isError && !isHandledGlobally(search.error) ? errorText(search.error) : null;

  // The pop-up's search runs first (so the pop-up tells its errors); its answer is then what the
  // URL's view shows, stored under that view (the URL's form of it: keys become License IDs).
  const runSearch = (request: SearchRequest) =>
    search.mutate(
      { ...request, show: view.show },
      {
        onSuccess: (result) => {
          const next = viewOf(paramsOf({ show: view.show, search: request }));
          queryClient.setQueryData(licenseKeys.view(customerId, next.show, next.search), result);
          change(next);
          setSearching(false);
        },
      },
    );
  const searchedFor = view.search
    ? String((view.search as Record<string, unknown>)[fieldOf[view.search.mode]] ?? '')
    : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('renewals.title')}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('catalog.forAccount', { name: account.name, customerId })}
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
      <Group gap="md" wrap="wrap" align="center">
        <Text id="renewals-show" fw={500} size="sm">
          {t('renewals.show')}
        </Text>
        <SegmentedControl
          aria-labelledby="renewals-show"
          value={view.show}
          onChange={(show) => change({ ...view, show: LicenseShow.parse(show) })}
          data={LicenseShow.options.map((value) => ({ value, label: t(`renewals.shows.${value}`) }))}
        />
        {searchedFor !== null ? (
          <Group gap="xs">
            <Text size="sm">{t('renewals.searchedFor', { value: searchedFor })}</Text>
            <Button variant="subtle" size="compact-sm" onClick={() => change({ ...view, search: null })}>
              {t('renewals.clearSearch')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <QueryState query={shown} loadingLabel={t('renewals.loading')}>
        {(result) => (
          <RenewalsList
            result={result}
            searched={view.search !== null}
            customerId={customerId}
            onAssigned={() => void refresh()}
          />
        )}
      </QueryState>
      <SearchLicensesModal
        opened={searching}
        onClose={() => setSearching(false)}
        pending={search.isPending}
        error={searching ? problem : null}
        onSearch={runSearch}
      />
    </Stack>
  );
}
