import { Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePurchasers, usePartnerSearch } from './api.ts';

/** Make a partner the account's Purchaser: found by name or a user's email, then Grant. */
export function GrantPurchaserSection({ purchaserIds }: { purchaserIds: Set<string> }) {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePurchasers();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const found = usePartnerSearch(submitted);
  return (
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
  );
}
