import { NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CartLine, limits } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useChangeCartLine } from './api.ts';

/** The period a change of quantity keeps: the chosen end date, or the standard term. */
export function keptPeriod(line: CartLine): { termYears: 1 | 2 } | { periodEnd: string } {
  return line.termYears === null ? { periodEnd: line.periodEnd } : { termYears: line.termYears };
}

/**
 * A cart line's quantity, changed in place: saved when the field is left or Enter is pressed. A line
 * that extends licenses has one seat per license: its quantity is shown, not edited.
 */
export function LineQuantity({ line, customerId }: { line: CartLine; customerId: string }) {
  const format = useFormat();
  if (line.licenseIds?.length) return <>{format.integer(line.quantity)}</>;
  return <EditableQuantity line={line} customerId={customerId} />;
}

function EditableQuantity({ line, customerId }: { line: CartLine; customerId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangeCartLine(customerId);
  const [value, setValue] = useState<string | number>(line.quantity);
  useEffect(() => setValue(line.quantity), [line.quantity]);

  const save = () => {
    const quantity = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > limits.quantityMax) {
      setValue(line.quantity);
      notifications.show({ color: 'red', message: t('cart.quantityRange', { max: limits.quantityMax }) });
      return;
    }
    if (quantity === line.quantity) return;
    change.mutate(
      { lineId: line.id, body: { quantity, ...keptPeriod(line) } },
      {
        onError: (error) => {
          setValue(line.quantity);
          if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
        },
      },
    );
  };

  return (
    <NumberInput
      aria-label={t('cart.quantityOf', { product: line.productName })}
      value={value}
      onChange={setValue}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
      }}
      min={1}
      max={limits.quantityMax}
      allowDecimal={false}
      allowNegative={false}
      size="xs"
      w={90}
      ml="auto"
      disabled={line.issue !== null || change.isPending}
    />
  );
}
