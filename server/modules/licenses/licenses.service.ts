import type { Queryable } from '../../db/client.ts';
import { databaseErrorCode, EXCLUSION_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { chunksOf } from '../../lib/chunks.ts';
import type { IsoDate } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import {
  drawLicenseId,
  drawLicenseKey,
  drawPackNumber,
  licenseKeyHash,
} from '../../shared/license-identifiers.ts';
import { sealLicenseKey } from '../../shared/license-key-vault.ts';
import { grantsPerpetualFallback } from '../../shared/line-pricing.ts';
import {
  cutShortPeriodsRunningOver,
  findFirstOverlappingPeriod,
  findProductKind,
  insertLicensePeriods,
  insertLicenses,
  insertSubscriptionPack,
  lockLicensesById,
  showLatestPeriods,
} from './license-issue.queries.ts';
import { findLicensesOfAccount, type RenewableRow } from './licenses.queries.ts';

export interface NewPack {
  customerAccountId: string;
  createdAt: Date;
  /** A pack number carried over from elsewhere (demo data, an import); drawn when absent. */
  packNumber?: string;
}

/** Starts a subscription pack of an account (SPEC §11a "Subscription packs"). */
export async function createSubscriptionPack(
  db: Queryable,
  input: NewPack,
): Promise<{ id: string; packNumber: string }> {
  const pack = await insertSubscriptionPack(db, {
    customerAccountId: input.customerAccountId,
    packNumber: input.packNumber ?? drawPackNumber(input.createdAt),
    createdAt: input.createdAt,
  });
  if (!pack) throw new Error('subscription pack insert returned no row');
  return pack;
}

export interface Seat {
  /** Given for licenses carried over from elsewhere; drawn when absent. */
  licenseId?: string;
  key?: string;
  assignedEmail?: string;
  teamId?: string;
}

export interface NewLicenses {
  customerAccountId: string;
  subscriptionPackId: string;
  productCode: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  serviceDomain?: string;
  /** The order that paid for them, and its line, when there is one. */
  orderId?: string;
  orderLineId?: string;
  seats: Seat[];
}

/**
 * Issues one license per seat, each with its License ID and key. The keys are answered once, to be
 * delivered to the end user; the database keeps only their hashes.
 */
export async function issueLicenses(
  db: Queryable,
  input: NewLicenses,
): Promise<{ licenseId: string; key: string }[]> {
  const kind = await findProductKind(db, input.productCode);
  if (!kind) throw new Error(`unknown product ${input.productCode}`);
  const perpetualFallback = grantsPerpetualFallback(kind, input.periodStart, input.periodEnd);
  const issued = input.seats.map((seat) => {
    const licenseId = seat.licenseId ?? drawLicenseId();
    return { seat, licenseId, key: seat.key ?? drawLicenseKey(licenseId) };
  });
  // In slices: an order line may carry thousands of seats (see chunks.ts).
  for (const slice of chunksOf(issued)) {
    const rows = await insertLicenses(
      db,
      slice.map(({ seat, licenseId, key }) => ({
        licenseId,
        licenseKeyHash: licenseKeyHash(key),
        licenseKeySealed: sealLicenseKey(key),
        customerAccountId: input.customerAccountId,
        subscriptionPackId: input.subscriptionPackId,
        productCode: input.productCode,
        teamId: seat.teamId ?? null,
        assignedEmail: seat.assignedEmail?.toLowerCase() ?? null,
        serviceDomain: input.serviceDomain ?? null,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        perpetualFallback,
        lastOrderId: input.orderId ?? null,
      })),
    );
    // Each license's first paid period; renewals add the next ones.
    await insertLicensePeriods(
      db,
      rows.map((row) => ({
        licenseId: row.id,
        productCode: input.productCode,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        perpetualFallback,
        orderId: input.orderId ?? null,
        orderLineId: input.orderLineId ?? null,
      })),
    );
  }
  return issued.map(({ licenseId, key }) => ({ licenseId, key }));
}

export interface Extension {
  productCode: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  orderId?: string;
  orderLineId?: string;
  /** An upgrade replaces the rest of the running period; a renewal or downgrade follows it. */
  upgrade?: boolean;
}

const alreadyRenewed = (licenseId: string, periodStart: string) =>
  new DomainError(
    'conflict',
    'licenses.already_renewed',
    `License ${licenseId} is already paid for the period starting ${periodStart}.`,
    { params: { licenseId, periodStart } },
  );

/**
 * Pays licenses for their next period (a renewal, an upgrade or a downgrade, SPEC §11a): each
 * License ID gets a new row in its history and its current product and period move on. An upgrade
 * starts inside the paid period: that period is cut short to the upgrade's first day (its end kept
 * in `cut_short_from`), so paid periods never overlap. A license is paid for a day once: the
 * database refuses a period overlapping one already paid (an exclusion constraint), whichever carts,
 * users or partners the two orders came from, and the loser gets `licenses.already_renewed` naming
 * the license (its transaction rolls back whole).
 *
 * A line may renew thousands of licenses: they are extended a slice at a time, a few statements per
 * slice (see chunks.ts), in License ID order so that two orders lock shared licenses in one order.
 */
export async function extendLicenses(
  tx: Queryable,
  input: Extension & { licenseIds: readonly string[] },
): Promise<void> {
  const kind = await findProductKind(tx, input.productCode);
  if (!kind) throw new Error(`no product ${input.productCode}`);
  const perpetualFallback = grantsPerpetualFallback(kind, input.periodStart, input.periodEnd);
  for (const slice of chunksOf([...new Set(input.licenseIds)].sort())) {
    await extendSlice(tx, input, slice, perpetualFallback);
  }
}

/** One license: `extendLicenses` of one. */
export function extendLicense(tx: Queryable, input: Extension & { licenseId: string }): Promise<void> {
  const { licenseId, ...extension } = input;
  return extendLicenses(tx, { ...extension, licenseIds: [licenseId] });
}

async function extendSlice(
  tx: Queryable,
  input: Extension,
  licenseIds: string[],
  perpetualFallback: boolean,
): Promise<void> {
  // Orders touching the same license run one after the other from here (the row locks), so each
  // sees the periods the other paid; the constraint below stays the last word.
  const locked = await lockLicensesById(tx, licenseIds);
  if (locked.length !== licenseIds.length) {
    const missing = licenseIds.find((id) => !locked.some((l) => l.licenseId === id));
    throw new Error(`no license ${missing}`);
  }
  const ids = locked.map((l) => l.id);
  // An upgrade replaces the rest of the running period. Of two upgrades the second finds nothing
  // left to cut and its new period overlaps the first's; anything else that overlaps paid days is
  // refused, never cut.
  if (input.upgrade) await cutShortPeriodsRunningOver(tx, ids, input.periodStart);
  // The refusal names the license: found before the insert, which would only say "some row".
  const overlapping = await findFirstOverlappingPeriod(tx, ids, input);
  if (overlapping) throw alreadyRenewed(overlapping.licenseId, input.periodStart);
  try {
    await insertLicensePeriods(
      tx,
      ids.map((licenseId) => ({
        licenseId,
        productCode: input.productCode,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        perpetualFallback,
        orderId: input.orderId ?? null,
        orderLineId: input.orderLineId ?? null,
      })),
    );
  } catch (error) {
    const code = databaseErrorCode(error);
    if (code === UNIQUE_VIOLATION || code === EXCLUSION_VIOLATION) {
      // Only a writer that skipped the row locks gets here; the slice's first license stands for it.
      throw alreadyRenewed(licenseIds[0] ?? '', input.periodStart);
    }
    throw error;
  }
  // Each license shows its latest paid period (an upgrade now and a renewal after the old end can
  // both be paid, in either order).
  await showLatestPeriods(tx, ids, input.orderId);
}

/**
 * The named licenses of an account (others are simply absent), for renewing them; `soldBy` keeps
 * only those this partner sold (an account open through its own orders).
 */
export function licensesOfAccount(
  db: Queryable,
  options: { customerAccountId: string; licenseIds: string[]; soldBy: string | null },
): Promise<RenewableRow[]> {
  return findLicensesOfAccount(db, options);
}
