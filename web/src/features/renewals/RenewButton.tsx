import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useAddLicenseLines } from './useAddLicenseLines.ts';

/** Renew: every seat of the group goes into the cart as one renewal line, for the chosen term. */
export function RenewButton({ group, customerId }: { group: SubscriptionGroup; customerId: string }) {
  const { t } = useTranslation();
  const lines = useAddLicenseLines(customerId);
  const [term, setTerm] = useState<'1' | '2'>('1');
  const submit = () =>
    lines.add(
      { kind: 'renewal', licenseIds: group.licenseIds, termYears: term === '2' ? 2 : 1 },
      t('renewals.added', { count: group.seats, product: group.productName }),
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
          lines.changed();
        }}
        size="xs"
        w={90}
      />
      <Button size="xs" onClick={submit} loading={lines.pending}>
        {t('renewals.actions.renew')}
      </Button>
    </Group>
  );
}
