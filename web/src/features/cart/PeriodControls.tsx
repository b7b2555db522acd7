import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useChangeCartLine } from './api.ts';

/**
 * Set Custom (choose an end date, co-terming the line) and, on a co-termed line, Set Default (back
 * to the term it was added with; an upgrade: back to the old subscription's end).
 */
export function PeriodControls({
  line,
  customerId,
  onSetCustom,
}: {
  line: CartLine;
  customerId: string;
  onSetCustom: (line: CartLine) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangeCartLine(customerId);
  if (line.issue === 'product_withdrawn' || line.issue === 'no_price') return null;
  const ownEnd = line.defaultPeriodEnd;
  const coTermed = ownEnd === null ? line.termYears === null : line.periodEnd !== ownEnd;
  const setDefault = () =>
    change.mutate(
      {
        lineId: line.id,
        body:
          ownEnd === null
            ? { quantity: line.quantity, termYears: line.defaultTermYears ?? 1 }
            : { quantity: line.quantity, periodEnd: ownEnd },
      },
      {
        onError: (error) => {
          if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
        },
      },
    );
  return (
    // Set Custom and Set Default wrap under each other in a narrow cell rather than widen the table.
    <Group gap={4} mt={2}>
      <Button size="compact-xs" variant="subtle" onClick={() => onSetCustom(line)}>
        {t('coterm.setCustom')}
      </Button>
      {coTermed ? (
        <Button size="compact-xs" variant="subtle" onClick={setDefault} loading={change.isPending}>
          {t('coterm.setDefault')}
        </Button>
      ) : null}
    </Group>
  );
}
