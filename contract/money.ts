import { z } from 'zod';

export const Currency = z.enum(['USD', 'EUR', 'BRL']);
export type Currency = z.infer<typeof Currency>;

/** Minor units per major unit for each currency we sell in (all three use cents). */
export const minorUnitDigits: Record<Currency, number> = { USD: 2, EUR: 2, BRL: 2 };

/** Amounts travel as integers in the currency's minor unit (cents); never as floats. */
export const MinorAmount = z.number().int().meta({ description: 'Amount in minor units (cents).' });

/**
 * An amount as a person types it in major units ("599", "599.9", "599,90"), as an integer in minor
 * units: digits, and a point or comma with no more decimals than the currency has — no sign, no
 * thousands separator, no exponent, so nothing typed is read as another amount than it says.
 */
export function typedAmount(currency: Currency) {
  const digits = minorUnitDigits[currency];
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}([.,]\\d{1,${digits}})?$`);
  return z
    .string()
    .trim()
    .regex(pattern, { error: 'amount_format' })
    .transform((text) => {
      const [whole = '', fraction = ''] = text.split(/[.,]/);
      return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
    });
}
