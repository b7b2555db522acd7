import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  LicenseSearchRequest,
  LicenseSearchResult,
  SubscriptionGroup,
} from '../../../../contract/index.ts';
import { isHandledGlobally } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { errorText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { AssignmentsButton, AssignmentsModal } from './AssignmentsButton.tsx';
import { useSearchLicenses } from './api.ts';
import { DowngradeButton } from './DowngradeButton.tsx';
import { RenewButton } from './RenewButton.tsx';
import { RenewSelected } from './RenewSelected.tsx';
import { SearchLicensesModal } from './SearchLicensesModal.tsx';
import { UpgradeButton } from './UpgradeButton.tsx';

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

function Results({
  items,
  customerId,
  canAssign,
  onAssigned,
}: {
  items: SubscriptionGroup[];
  customerId: string;
  canAssign: boolean;
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The group whose seats are being assigned: its latest version while the results still list it.
  const [assigning, setAssigning] = useState<SubscriptionGroup | null>(null);
  const assigned = assigning ? (items.find((g) => keyOf(g) === keyOf(assigning)) ?? assigning) : null;
  const renewable = items.filter((g) => g.actions.renew);
  const chosen = renewable.filter((g) => selected.has(keyOf(g)));
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <Stack gap="xs">
      {renewable.length > 1 ? (
        <RenewSelected selected={chosen} customerId={customerId} onDone={() => setSelected(new Set())} />
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('renewals.caption', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lines.product')}</Table.Th>
              <Table.Th scope="col">{t('renewals.pack')}</Table.Th>
              <Table.Th scope="col">{t('renewals.seats')}</Table.Th>
              <Table.Th scope="col">{t('lines.period')}</Table.Th>
              <Table.Th scope="col">{t('renewals.status')}</Table.Th>
              <Table.Th scope="col">{t('renewals.users')}</Table.Th>
              <Table.Th scope="col">{t('renewals.possible')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((group) => (
              <Table.Tr key={keyOf(group)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {group.productName}
                  </Text>
                  {group.serviceDomain ? (
                    <Text size="xs" c="dimmed">
                      {t('lines.serviceDomain', { domain: group.serviceDomain })}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {group.licenseIds.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {group.packNumber}
                  {group.orderNumber ? (
                    <Text size="xs" c="dimmed">
                      {t('renewals.order', {
                        order: group.orderNumber,
                        po: group.poNumber ?? t('common.none'),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{format.integer(group.seats)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {format.period(group.periodStart, group.periodEnd)}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={standingColor[group.standing]}
                    style={{ color: standingText[group.standing] }}
                  >
                    {t(`renewals.standing.${group.standing}`)}
                  </Badge>
                  <Text size="xs" mt={4}>
                    {group.standing === 'active'
                      ? t(group.actions.upgrade ? 'renewals.stillActiveUpgrade' : 'renewals.stillActive', {
                          date: format.date(group.renewalOpensOn),
                        })
                      : group.standing === 'expired'
                        ? t('renewals.expiredNote')
                        : t('renewals.windowCloses', { date: format.date(group.renewalClosesOn) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {group.assignedUsers.length > 0 ? group.assignedUsers.join(', ') : t('renewals.unassigned')}
                  {canAssign && group.standing !== 'expired' ? (
                    <div>
                      <AssignmentsButton group={group} onOpen={() => setAssigning(group)} />
                    </div>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {group.actions.renew && renewable.length > 1 ? (
                      <Checkbox
                        size="xs"
                        checked={selected.has(keyOf(group))}
                        onChange={(event) => toggle(keyOf(group), event.currentTarget.checked)}
                        aria-label={t('renewals.select', {
                          product: group.productName,
                          pack: group.packNumber,
                        })}
                      />
                    ) : null}
                    {group.actions.renew ? <RenewButton group={group} customerId={customerId} /> : null}
                    {group.actions.upgrade ? <UpgradeButton group={group} customerId={customerId} /> : null}
                    {group.actions.downgrade ? (
                      <DowngradeButton group={group} customerId={customerId} />
                    ) : null}
                    {!group.actions.renew && !group.actions.upgrade && !group.actions.downgrade ? (
                      <Text size="xs">{t('common.none')}</Text>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AssignmentsModal
        group={assigned}
        customerId={customerId}
        onChanged={onAssigned}
        onClose={() => setAssigning(null)}
      />
    </Stack>
  );
}

const keyOf = (group: SubscriptionGroup) =>
  `${group.packNumber}-${group.productCode}-${group.periodEnd}-${group.serviceDomain ?? ''}`;

const standingColor = { active: 'teal', renewable: 'blue', lapsed: 'orange', expired: 'gray' } as const;
/** Darker text than Mantine's light badges give, for 4.5:1 on their tinted background. */
const standingText = {
  active: '#0b5e46',
  renewable: '#1a4f8b',
  lapsed: '#8a3204',
  expired: '#495057',
} as const;
