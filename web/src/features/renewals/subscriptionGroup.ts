import type { SubscriptionGroup } from '../../../../contract/index.ts';

/** A subscription group's identity in the results: its pack, product, end and service domain. */
export const keyOf = (group: SubscriptionGroup) =>
  `${group.packNumber}-${group.productCode}-${group.periodEnd}-${group.serviceDomain ?? ''}`;

export const standingColor = {
  active: 'teal',
  renewable: 'blue',
  lapsed: 'orange',
  expired: 'gray',
} as const;
/** Darker text than Mantine's light badges give, for 4.5:1 on their tinted background. */
export const standingText = {
  active: '#0b5e46',
  renewable: '#1a4f8b',
  lapsed: '#8a3204',
  expired: '#495057',
} as const;
