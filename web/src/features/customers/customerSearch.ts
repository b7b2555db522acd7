import type { ReactNode } from 'react';
import type { z } from 'zod';
import {
  CustomerId,
  Email,
  LicenseId,
  LicenseKey,
  type LookupKind,
  QuoteNumber,
  recogniseLookupInput,
  SubscriptionPackNumber,
} from '../../../../contract/index.ts';
import { issueText } from '../../i18n/messages.tsx';

/** What the user may choose in "Search by"; `auto` recognises the kind from the format. */
export const searchKinds = [
  'auto',
  'customerId',
  'email',
  'subscriptionPackNumber',
  'quoteNumber',
  'license',
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The contract's format of each kind, to check a value the user says is of that kind. */
export const formatOf: Record<Exclude<SearchKind, 'auto' | 'license'>, z.ZodType<string>> = {
  customerId: CustomerId,
  email: Email,
  subscriptionPackNumber: SubscriptionPackNumber,
  quoteNumber: QuoteNumber,
};

/** The kind and normalised value of the input, or the message that says what a valid one looks like. */
export function understand(
  input: string,
  chosen: SearchKind,
): { kind: LookupKind; value: string } | { error: ReactNode } {
  const recognised = recogniseLookupInput(input);
  if (chosen === 'auto') {
    return recognised.kind === 'unknown' ? { error: null } : recognised;
  }
  if (chosen === 'license') {
    if (recognised.kind === 'licenseId' || recognised.kind === 'licenseKey') return recognised;
    const parsed = (input.includes('-') ? LicenseKey : LicenseId).safeParse(input);
    return parsed.success
      ? { kind: input.includes('-') ? 'licenseKey' : 'licenseId', value: parsed.data }
      : { error: issueText(parsed.error.issues[0] ?? { code: 'custom' }) };
  }
  const parsed = formatOf[chosen].safeParse(input);
  if (!parsed.success) return { error: issueText(parsed.error.issues[0] ?? { code: 'custom' }) };
  return { kind: chosen, value: parsed.data };
}
