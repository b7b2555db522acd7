import { Button, Group, NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useAddRenewals } from '../cart/api.ts';

/** Renew: every seat of the group goes into the cart as one renewal line, for the chosen term. */
export function RenewButton({ group, customerId }: { group: SubscriptionGroup; customerId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const renew = useAddRenewals(customerId);
  const attempt = useAttemptKey();
  const [term, setTerm] = useState<'1' | '2'>('1');
  const submit = () =>
    renew.mutate(
      {
        body: { kind: 'renewal', licenseIds: group.licenseIds, termYears: term === '2' ? 2 : 1 },
        idempotencyKey: attempt.key(),
      },
      {
        onSuccess: () => {
          attempt.succeeded();
          notifications.show({
            color: 'teal',
            message: t('renewals.added', { count: group.seats, product: group.productName }),
          });
        },
        onError: (error) => {
          if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
        },
      },
    );
  return (
    <Group gap={4} wrap="nowrap">
      <NativeSelect
        aria-label={t('renewals.termFor', { product: group.productName })}
        data={[
          { value: '1', label: t('catalog.oneYear') },
          { value: '2', label: t('catalog.twoYears') },
        ]}
        value={term}
        onChange={(event) => {
          setTerm(event.currentTarget.value === '2' ? '2' : '1');
          attempt.changed();
        }}
        size="xs"
        w={90}
      />
      <Button size="xs" onClick={submit} loading={renew.isPending}>
        {t('renewals.actions.renew')}
      </Button>
    </Group>
  );
}
