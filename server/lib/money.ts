/**
 * The one pricing rule of the portal (SPEC §11a), over integer minor units.
 *
 * - A standard term costs the yearly list price × years × quantity (no rounding needed).
 * - A custom period costs yearly price × days / 365 per seat: leap years do not change the divisor,
 *   so 366 days cost slightly more than one year.
 * - The partner discount is in basis points. Each line is rounded exactly once, half away from
 *   zero, to the minor unit: list and net are computed exactly as fractions and rounded; the
 *   discount is their difference, so list − discount = total always holds.
 * - A credit (the unused value of a subscription that an upgrade replaces) is a negative unit
 *   price. Rounding away from zero makes a credit the exact mirror of the same charge.
 */
export interface LinePriceInput {
  /** Yearly list price of one seat; negative for a credit. */
  unitYearlyListMinor: number;
  quantity: number;
  discountBps: number;
  period: { kind: 'years'; years: number } | { kind: 'days'; days: number };
}

export interface LinePrice {
  listMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export function priceLine(input: LinePriceInput): LinePrice {
  const { unitYearlyListMinor, quantity, discountBps, period } = input;
  if (!Number.isSafeInteger(unitYearlyListMinor))
    throw new RangeError('unitYearlyListMinor must be an integer');
  assertNonNegativeInteger(quantity, 'quantity');
  if (!Number.isInteger(discountBps) || discountBps < 0 || discountBps > 10_000) {
    throw new RangeError(`discountBps out of range: ${discountBps}`);
  }
  // Exact numerator/denominator in BigInt so large quantities cannot lose precision.
  let numerator = BigInt(unitYearlyListMinor) * BigInt(quantity);
  let denominator = 1n;
  if (period.kind === 'years') {
    assertNonNegativeInteger(period.years, 'years');
    numerator *= BigInt(period.years);
  } else {
    assertNonNegativeInteger(period.days, 'days');
    numerator *= BigInt(period.days);
    denominator = 365n;
  }
  const listMinor = roundMinor(numerator, denominator);
  const totalMinor = roundMinor(numerator * BigInt(10_000 - discountBps), denominator * 10_000n);
  return { listMinor, discountMinor: listMinor - totalMinor, totalMinor };
}

export function sumPrices(lines: readonly LinePrice[]): LinePrice {
  return lines.reduce(
    (acc, l) => ({
      listMinor: acc.listMinor + l.listMinor,
      discountMinor: acc.discountMinor + l.discountMinor,
      totalMinor: acc.totalMinor + l.totalMinor,
    }),
    { listMinor: 0, discountMinor: 0, totalMinor: 0 },
  );
}

/** Buy price of one seat for one year after the partner discount. */
export function buyPrice(unitYearlyListMinor: number, discountBps: number): number {
  return priceLine({ unitYearlyListMinor, quantity: 1, discountBps, period: { kind: 'years', years: 1 } })
    .totalMinor;
}

/**
 * numerator / denominator rounded to an integer, halves away from zero: 2.5 → 3 and −2.5 → −3.
 * BigInt division truncates towards zero, so the half is added in the direction of the sign.
 */
export function roundMinor(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const half = numerator < 0n ? -denominator : denominator;
  const result = (numerator * 2n + half) / (denominator * 2n);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount out of the safe integer range');
  }
  return Number(result);
}

function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
}
