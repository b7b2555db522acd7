import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { DEFAULT_TERM, type TermChoice, termYearsOf } from '../catalog/term.ts';
import { TermSelect } from './TermSelect.tsx';
import { useAddLicenseLines } from './useAddLicenseLines.ts';

/**
 * Renew several found subscriptions at once (e.g. every product of a pack): one request, a renewal
 * line per product and period, all for the chosen term.
 */
export function RenewSelected({
  selected,
  customerId,
  onDone,
}: {
  selected: SubscriptionGroup[];
  customerId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = useAddLicenseLines(customerId);
  const [term, setTerm] = useState<TermChoice>(DEFAULT_TERM);
  // Another choice of subscriptions is another attempt (a new Idempotency-Key).
  const chosenIds = selected.flatMap((g) => g.licenseIds).join(',');
  useEffect(() => {
    if (chosenIds !== '') lines.changed();
  }, [chosenIds, lines.changed]);
  const seats = selected.reduce((sum, g) => sum + g.seats, 0);
  return (
    <Group gap="sm" align="flex-end">
      <Text size="sm" aria-live="polite">
        {t('renewals.selected', { count: selected.length, seats: format.integer(seats) })}
      </Text>
      <TermSelect
        label={t('renewals.selectedTerm')}
        value={term}
        onChange={(choice) => {
          setTerm(choice);
          lines.changed();
        }}
        size="xs"
      />
      <Button
        size="xs"
        disabled={selected.length === 0}
        loading={lines.pending}
        onClick={() =>
          lines.add(
            {
              kind: 'renewal',
              licenseIds: selected.flatMap((g) => g.licenseIds),
              termYears: termYearsOf(term),
            },
            t('renewals.selectedAdded', { count: seats }),
            onDone,
          )
        }
      >
        {t('renewals.renewSelected')}
      </Button>
    </Group>
  );
}
