import { z } from 'zod';

export const Currency = z.enum(['USD', 'EUR', 'BRL']);
export type Currency = z.infer<typeof Currency>;

/** Minor units per major unit for each currency we sell in (all three use cents). */
export const minorUnitDigits: Record<Currency, number> = { USD: 2, EUR: 2, BRL: 2 };

/** Amounts travel as integers in the currency's minor unit (cents); never as floats. */
export const MinorAmount = z.number().int().meta({ description: 'Amount in minor units (cents).' });
