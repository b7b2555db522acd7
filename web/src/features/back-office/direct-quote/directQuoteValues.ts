import { randomId } from '@mantine/hooks';
import type { Currency } from '../../../../../contract/index.ts';
import { type BillingAddressValues, billingAddressValues } from '../../../forms/BillingAddressFieldset.tsx';
import { type EndUserValues, endUserValues } from '../../../forms/EndUserFieldset.tsx';

/**
 * A product line as the form holds it: the code chosen from the list ('' until chosen), and a key
 * of its own so that removing a row keeps the others' fields where they are.
 */
export type DirectQuoteLineValues = {
  key: string;
  productCode: string;
  quantity: number | string;
  termYears: '1' | '2';
};

/** The form's values, shaped as the request so that each error finds its field. */
export type DirectQuoteValues = {
  customerId: string;
  currency: Currency;
  billingAddress: BillingAddressValues;
  endUser: EndUserValues;
  lines: DirectQuoteLineValues[];
};

export const emptyLine = (): DirectQuoteLineValues => ({
  key: randomId(),
  productCode: '',
  quantity: 1,
  termYears: '1',
});

export const initialDirectQuoteValues = (): DirectQuoteValues => ({
  customerId: '',
  currency: 'USD',
  billingAddress: billingAddressValues({}),
  endUser: endUserValues(),
  lines: [emptyLine()],
});

/** The request the values make (the contract checks it, on this side and on the server). */
export function toDirectQuoteInput(values: DirectQuoteValues) {
  return {
    ...values,
    lines: values.lines.map((line) => ({
      productCode: line.productCode,
      quantity: typeof line.quantity === 'number' ? line.quantity : Number(line.quantity || Number.NaN),
      termYears: Number(line.termYears),
    })),
  };
}
