import type { TFunction } from 'i18next';
import type { PaymentMethod } from '../../../../contract/index.ts';

/** How a method is named in its row: the PayPal account, or the card's brand and last four. */
export function methodName(t: TFunction, m: PaymentMethod): string {
  return m.kind === 'paypal'
    ? t('paymentMethods.payPalName', { email: m.email })
    : t('paymentMethods.cardName', { brand: m.brand.toUpperCase(), last4: m.last4 });
}

/** How a method is named in the labels of its buttons (short: its row says which). */
export function shortName(t: TFunction, m: PaymentMethod): string {
  return m.kind === 'paypal' ? methodName(t, m) : `•••• ${m.last4}`;
}
