import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { DEFAULT_TERM, type TermChoice, termYearsOf } from '../catalog/term.ts';
import { TermSelect } from './TermSelect.tsx';
import { useAddLicenseLines } from './useAddLicenseLines.ts';

/** Renew: every seat of the group goes into the cart as one renewal line, for the chosen term. */
export function RenewButton({ group, customerId }: { group: SubscriptionGroup; customerId: string }) {
  const { t } = useTranslation();
  const lines = useAddLicenseLines(customerId);
  const [term, setTerm] = useState<TermChoice>(DEFAULT_TERM);
  const submit = () =>
    lines.add(
      { kind: 'renewal', licenseIds: group.licenseIds, termYears: termYearsOf(term) },
      t('renewals.added', { count: group.seats, product: group.productName }),
    );
  return (
    <Group gap={4} wrap="nowrap">
      <TermSelect
        aria-label={t('renewals.termFor', { product: group.productName })}
        value={term}
        onChange={(choice) => {
          setTerm(choice);
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
