import { Button, Checkbox, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAllPartners, useChangePartnerTerms } from './api.ts';
import { NewPartnerForm } from './NewPartnerForm.tsx';
import { PartnerUsers } from './PartnerUsers.tsx';

/** The partners: discount level and credit terms changed in place, their users, a new partner. */
export function PartnersAdminPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const partners = useAllPartners();
  const change = useChangePartnerTerms();
  const [showing, setShowing] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle>{t('backOffice.partners')}</PageTitle>
      <QueryState query={partners} loadingLabel={t('states.loading')}>
        {(data) => (
          <Table striped withTableBorder maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('backOffice.partner')}</Table.Th>
                <Table.Th scope="col">{t('customersList.columns.country')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.currency')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.users')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.discount')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.creditTerms')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.users')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.country}</Table.Td>
                  <Table.Td>{p.currency}</Table.Td>
                  <Table.Td>{p.users}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('backOffice.discountOf', { name: p.name })}
                      defaultValue={p.discountPercent}
                      min={0}
                      max={60}
                      decimalScale={2}
                      suffix=" %"
                      w={110}
                      onBlur={(e) => {
                        const value = Number(e.currentTarget.value.replace(/[^0-9.]/g, ''));
                        if (value !== p.discountPercent)
                          change.mutate(
                            { id: p.id, discountPercent: value },
                            {
                              onError: (error) =>
                                notifications.show({ color: 'red', message: errorMessage(error) }),
                            },
                          );
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('backOffice.creditTermsOf', { name: p.name })}
                      checked={p.creditTerms}
                      onChange={(e) =>
                        change.mutate(
                          { id: p.id, creditTerms: e.currentTarget.checked },
                          {
                            onError: (error) =>
                              notifications.show({ color: 'red', message: errorMessage(error) }),
                          },
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('backOffice.usersOf', { name: p.name })}
                      onClick={() => setShowing(showing === p.id ? null : p.id)}
                    >
                      {t('backOffice.showUsers')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Text size="sm" c="dimmed">
        {t('backOffice.partnersNote')}
      </Text>
      {showing ? <PartnerUsers id={showing} /> : null}
      <NewPartnerForm />
    </Stack>
  );
}
