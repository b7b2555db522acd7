import { limits } from '../../../../contract/index.ts';
import { keyText } from '../../i18n/messages.tsx';
import { DEFAULT_TERM, type TermChoice } from './term.ts';

/** What the add-to-cart form holds: the quantity as typed, the term, the service domain. */
export type AddToCartValues = { quantity: number | string; termYears: TermChoice; serviceDomain: string };

export const initialAddToCartValues: AddToCartValues = {
  quantity: 1,
  termYears: DEFAULT_TERM,
  serviceDomain: '',
};

/** The quantity as the contract expects it: a number, or undefined when the field holds no number. */
export function quantityValue(raw: number | string): number | undefined {
  if (typeof raw === 'number') return raw;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** The message for a refused key or paste: the quantity takes digits only. */
export const digitsOnly = () => keyText('forms.quantityDigitsOnly', { max: limits.quantityMax });
