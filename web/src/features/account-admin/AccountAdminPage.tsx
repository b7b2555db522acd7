import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountAdminView } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAdminAccount, useAdminSignOut, useChangePurchasers, usePartnerSearch } from './api.ts';

/**
 * The account admin's page (SPEC §1, §10): which partners are the account's Purchaser, making one
 * Purchaser (found by name or a user's email), withdrawing a grant, and their history.
 */
export function AccountAdminPage() {
  const { t } = useTranslation();
  const account = useAdminAccount();
  return (
    <PublicLayout>
      <QueryState query={account} loadingLabel={t('accountAdmin.loading')}>
        {(view) =>
          view ? (
            <Manage view={view} />
          ) : (
            <Stack gap="sm" maw={520} mx="auto" mt="xl">
              <PageTitle size="h3">{t('accountAdmin.signedOut')}</PageTitle>
              <Anchor component={Link} to="/account-admin">
                {t('accountAdmin.askAgain')}
              </Anchor>
            </Stack>
          )
        }
      </QueryState>
    </PublicLayout>
  );
}

function Manage({ view }: { view: AccountAdminView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const change = useChangePurchasers();
  const signOut = useAdminSignOut();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const found = usePartnerSearch(submitted);
  const [withdrawing, setWithdrawing] = useState<AccountAdminView['purchasers'][number] | null>(null);
  const failed = (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
  const purchaserIds = new Set(view.purchasers.map((p) => p.partnerId));
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle>{t('accountAdmin.title', { name: view.account.name })}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('accountAdmin.signedInAs', { email: view.email, customerId: view.account.customerId })}
          </Text>
        </div>
        <Button variant="outline" size="xs" onClick={() => signOut.mutate()}>
          {t('topBar.logout')}
        </Button>
      </Group>
      <Text size="sm">{t('accountAdmin.explain')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="purchasers-heading">
        <Title order={2} size="h4" id="purchasers-heading">
          {t('accountAdmin.purchasers')}
        </Title>
        {view.purchasers.length === 0 ? (
          <Text size="sm" mt="xs">
            {t('accountAdmin.noPurchasers')}
          </Text>
        ) : (
          <Table mt="xs">
            <Table.Tbody>
              {view.purchasers.map((p) => (
                <Table.Tr key={p.partnerId}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.country}</Table.Td>
                  <Table.Td>{t('accountAdmin.since', { date: format.timestampDate(p.grantedAt) })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      aria-label={t('accountAdmin.withdrawOf', { name: p.name })}
                      onClick={() => setWithdrawing(p)}
                    >
                      {t('accountAdmin.withdraw')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="grant-heading">
        <Title order={2} size="h4" id="grant-heading">
          {t('accountAdmin.grantTitle')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSubmitted(query.trim());
          }}
        >
          <Group align="flex-end" mt="xs">
            <TextInput
              label={t('accountAdmin.findPartner')}
              description={t('accountAdmin.findPartnerHint')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              w={360}
            />
            <Button type="submit">{t('filters.submit')}</Button>
          </Group>
        </form>
        {submitted.length >= 3 && found.data ? (
          found.data.items.length === 0 ? (
            <Text size="sm" mt="sm">
              {t('accountAdmin.noPartner')}
            </Text>
          ) : (
            <Table mt="sm">
              <Table.Tbody>
                {found.data.items.map((p) => (
                  <Table.Tr key={p.partnerId}>
                    <Table.Td fw={600}>{p.name}</Table.Td>
                    <Table.Td>{p.country}</Table.Td>
                    <Table.Td>
                      {purchaserIds.has(p.partnerId) ? (
                        t('accountAdmin.alreadyPurchaser')
                      ) : (
                        <Button
                          size="compact-sm"
                          aria-label={t('accountAdmin.grantOf', { name: p.name })}
                          loading={change.grant.isPending && change.grant.variables === p.partnerId}
                          onClick={() =>
                            change.grant.mutate(p.partnerId, {
                              onSuccess: () =>
                                notifications.show({
                                  color: 'teal',
                                  message: t('accountAdmin.granted', { name: p.name }),
                                }),
                              onError: failed,
                            })
                          }
                        >
                          {t('accountAdmin.grant')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        ) : null}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
        <Title order={2} size="h4" id="history-heading">
          {t('accountAdmin.history')}
        </Title>
        <Table mt="xs">
          <Table.Tbody>
            {view.history.map((h) => (
              <Table.Tr key={`${h.occurredAt}-${h.partnerName}-${h.event}`}>
                <Table.Td>{format.timestamp(h.occurredAt)}</Table.Td>
                <Table.Td>
                  {t(`accountAdmin.events.${h.event}`, {
                    name: h.partnerName,
                    by: h.byEmail ?? t('common.none'),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('accountAdmin.withdrawTitle', { name: withdrawing?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('accountAdmin.withdrawText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={change.withdraw.isPending}
              onClick={() =>
                withdrawing &&
                change.withdraw.mutate(withdrawing.partnerId, {
                  onSuccess: () => setWithdrawing(null),
                  onError: failed,
                })
              }
            >
              {t('accountAdmin.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
