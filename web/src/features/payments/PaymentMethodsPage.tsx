import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PaymentMethod } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useChangePaymentMethods, usePaymentMethods } from './api.ts';
import { type HostedCard, hostedFormUrl, useHostedCardToken } from './useHostedCardToken.ts';

/**
 * Payment methods (SPEC §8): stored cards (brand, last four, expiry) and PayPal accounts, the
 * default, add and remove. Adding PayPal goes to PayPal's pages, which bring the buyer back here
 * with `?paypal=approved&approval_token_id=<setup>` (or `?paypal=cancelled`); this page completes it.
 */
export function PaymentMethodsPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const methods = usePaymentMethods();
  const change = useChangePaymentMethods();
  const attempt = useAttemptKey();
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const payPalReturn = search.get('paypal');
  const approvalId = payPalReturn === 'approved' ? search.get('approval_token_id') : null;
  const completing = useRef<string | null>(null);
  useEffect(() => {
    // Once per approval, even if React runs the effect twice.
    if (!approvalId || completing.current === approvalId) return;
    completing.current = approvalId;
    change.completePayPal.mutate(approvalId, {
      onSuccess: () => {
        setSearch({}, { replace: true });
        notifications.show({ color: 'teal', message: t('paymentMethods.payPalAdded') });
      },
      onError: (error) => {
        setSearch({}, { replace: true });
        failed(error);
      },
    });
  });
  const [formKey, setFormKey] = useState(0);
  const [removing, setRemoving] = useState<PaymentMethod | null>(null);
  const failed = (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
  const onCard = (card: HostedCard) =>
    change.add.mutate(
      { token: card.token, idempotencyKey: attempt.key() },
      {
        onSuccess: () => {
          attempt.succeeded();
          attempt.changed();
          setFormKey((k) => k + 1);
          notifications.show({
            color: 'teal',
            message: t('paymentMethods.added', { brand: card.brand.toUpperCase(), last4: card.last4 }),
          });
        },
        onError: (error) => {
          // The card the form holds was not stored: the form starts again, as a new attempt.
          attempt.changed();
          setFormKey((k) => k + 1);
          failed(error);
        },
      },
    );
  useHostedCardToken(onCard);
  const manage = methods.data?.actions.manage ?? false;
  // How a method is named in its row, and in the labels of its buttons (short: its row says which).
  const methodName = (m: PaymentMethod) =>
    m.kind === 'paypal'
      ? t('paymentMethods.payPalName', { email: m.email })
      : t('paymentMethods.cardName', { brand: m.brand.toUpperCase(), last4: m.last4 });
  const shortName = (m: PaymentMethod) => (m.kind === 'paypal' ? methodName(m) : `•••• ${m.last4}`);

  return (
    <Stack gap="lg">
      <PageTitle>{t('paymentMethods.title')}</PageTitle>
      <Text c="dimmed">{t('paymentMethods.intro')}</Text>
      <QueryState
        query={methods}
        loadingLabel={t('paymentMethods.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('paymentMethods.none')}</EmptyState>}
      >
        {(data) => (
          <Table withTableBorder striped maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('paymentMethods.method')}</Table.Th>
                <Table.Th scope="col">{t('paymentMethods.expires')}</Table.Th>
                <Table.Th scope="col">{t('paymentMethods.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={600}>{methodName(m)}</Text>
                      {m.isDefault ? (
                        <Badge variant="light" style={{ color: '#0b5e46' }} color="teal">
                          {t('paymentMethods.default')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.kind === 'card' ? `${m.expMonth}/${m.expYear}` : t('common.none')}</Table.Td>
                  <Table.Td>
                    {manage ? (
                      <Group gap="xs">
                        {m.isDefault ? null : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => change.setDefault.mutate(m.id, { onError: failed })}
                            aria-label={t('paymentMethods.makeDefaultOf', { name: shortName(m) })}
                          >
                            {t('paymentMethods.makeDefault')}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          onClick={() => setRemoving(m)}
                          aria-label={t('paymentMethods.removeOf', { name: shortName(m) })}
                        >
                          {t('paymentMethods.remove')}
                        </Button>
                      </Group>
                    ) : (
                      t('common.none')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {manage ? (
        <Paper withBorder p="md" maw={520} component="section" aria-labelledby="add-card">
          <Title order={2} size="h5" id="add-card">
            {t('paymentMethods.addTitle')}
          </Title>
          {session.features.cardForm ? (
            <>
              <Text size="sm" fw={600} mt="xs">
                {t('paymentMethods.add')}
              </Text>
              <iframe
                key={formKey}
                title={t('checkout.cardForm')}
                src={hostedFormUrl(i18n.language)}
                style={{ width: '100%', height: 290, border: 0 }}
              />
            </>
          ) : (
            <Text size="sm">{t('paymentMethods.cardsWithProvider')}</Text>
          )}
          {session.features.paypal ? (
            <Stack gap="xs" mt="md" align="flex-start">
              <Text size="sm">{t('paymentMethods.payPalIntro')}</Text>
              {payPalReturn === 'cancelled' ? (
                <Alert color="orange" variant="light">
                  {t('paymentMethods.payPalCancelled')}
                </Alert>
              ) : null}
              <Button
                variant="outline"
                loading={change.startPayPal.isPending || change.completePayPal.isPending}
                onClick={() =>
                  change.startPayPal.mutate(attempt.key(), {
                    onSuccess: (approval) => window.location.assign(approval.approveUrl),
                    onError: failed,
                  })
                }
              >
                {t('paymentMethods.addPayPal')}
              </Button>
            </Stack>
          ) : null}
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          {t('paymentMethods.manageOnly')}
        </Text>
      )}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={
          removing?.kind === 'paypal'
            ? t('paymentMethods.removePayPalTitle', { email: removing.email })
            : t('paymentMethods.removeTitle', { last4: removing?.last4 ?? '' })
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('paymentMethods.removeText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={change.remove.isPending}
              onClick={() =>
                removing &&
                change.remove.mutate(removing.id, {
                  onSuccess: () => setRemoving(null),
                  onError: failed,
                })
              }
            >
              {t('paymentMethods.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
