import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useChangeCartLine } from './api.ts';

/**
 * Set Custom (choose an end date, co-terming the line) and, on a co-termed line, Set Default (back
 * to the term it was added with). New subscriptions and renewals (from their old end date).
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
  if (!(line.kind === 'new' || line.kind === 'renewal')) return null;
  if (line.issue === 'product_withdrawn' || line.issue === 'no_price') return null;
  const setDefault = () =>
    change.mutate(
      { lineId: line.id, body: { quantity: line.quantity, termYears: line.defaultTermYears ?? 1 } },
      {
        onError: (error) => {
          if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
        },
      },
    );
  return (
    <Group gap={4} mt={2} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={() => onSetCustom(line)}>
        {t('coterm.setCustom')}
      </Button>
      {line.termYears === null ? (
        <Button size="compact-xs" variant="subtle" onClick={setDefault} loading={change.isPending}>
          {t('coterm.setDefault')}
        </Button>
      ) : null}
    </Group>
  );
}
