import type { z } from 'zod';
import type { CreatePartnerRequest, PartnerSummary } from '../../../contract/admin.ts';
import { defaultLocaleFor, type Locale } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Credentials } from '../sessions/sessions.ts';
import { pendingInvitations } from './invitations.queries.ts';
import { createInvitation } from './invitations.ts';
import {
  findDiscountLevelId,
  findLoginByEmail,
  findPartnerByName,
  findUserContactRow,
  insertDiscountLevelIfAbsent,
  insertPartner,
  insertPartnerUser,
  listPartnerRows,
  listUsersOfPartner,
  partnerExists,
  updatePartnerTerms,
} from './partners.queries.ts';

/** Read and written by other modules, use cases and the demo data as they are. */
export {
  findPartnerBillingAddress,
  findPartnerByName,
  findPartnerTerms,
  setPartnerBillingAddress,
  setPartnerCreditTerms,
  setUserLocale,
} from './partners.queries.ts';

/** Discount levels are shared by partners; one row per percentage, created when first needed. */
async function discountLevelFor(db: Queryable, discountBps: number): Promise<string> {
  const code = `L${discountBps}`;
  await insertDiscountLevelIfAbsent(db, {
    code,
    name: `${discountBps / 100}% partner discount`,
    discountBps,
  });
  const id = await findDiscountLevelId(db, code);
  if (!id) throw new Error(`discount level ${code} missing after upsert`);
  return id;
}

export interface NewPartner {
  name: string;
  country: string;
  currency: Currency;
  discountPercent: number;
  creditTerms?: boolean;
}

export async function createPartner(db: Queryable, input: NewPartner): Promise<{ id: string }> {
  const discountLevelId = await discountLevelFor(db, Math.round(input.discountPercent * 100));
  const row = await insertPartner(db, {
    name: input.name,
    country: input.country,
    currency: input.currency,
    discountLevelId,
    creditTerms: input.creditTerms ?? false,
  });
  if (!row) throw new Error('partner insert returned no row');
  return row;
}

export interface NewPartnerUser {
  partnerId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createPartnerUser(db: Queryable, input: NewPartnerUser): Promise<{ id: string }> {
  const row = await insertPartnerUser(db, {
    partnerId: input.partnerId,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  if (!row) throw new Error('partner user insert returned no row');
  return row;
}

export async function findPartnerUserCredentials(db: Queryable, email: string): Promise<Credentials | null> {
  const row = await findLoginByEmail(db, email);
  if (!row) return null;
  return {
    owner: { partnerUserId: row.id },
    partnerId: row.partnerId,
    passwordHash: row.passwordHash,
    disabled: row.disabledAt !== null,
  };
}

/** Every partner for the vendor's back office, by name; its users count those still invited. */
export async function listPartners(db: Queryable): Promise<z.input<typeof PartnerSummary>[]> {
  const rows = await listPartnerRows(db);
  return rows.map(({ discountBps, ...row }) => ({ ...row, discountPercent: discountBps / 100 }));
}

/**
 * Vendor staff change a partner's discount level and credit terms (SPEC §1); quotes already made
 * keep their prices. Audited in the partner's log.
 */
export async function changePartnerTerms(
  db: Queryable,
  options: {
    actor: VendorStaffActor;
    meta: RequestMeta;
    partnerId: string;
    discountPercent?: number | undefined;
    creditTerms?: boolean | undefined;
  },
): Promise<z.input<typeof PartnerSummary>> {
  return db.transaction(async (tx) => {
    const [before] = (await listPartners(tx)).filter((p) => p.id === options.partnerId);
    if (!before) throw new DomainError('not_found', 'partner.not_found', 'No such partner.');
    await updatePartnerTerms(tx, options.partnerId, {
      ...(options.discountPercent === undefined
        ? {}
        : { discountLevelId: await discountLevelFor(tx, Math.round(options.discountPercent * 100)) }),
      ...(options.creditTerms === undefined ? {} : { creditTerms: options.creditTerms }),
    });
    await recordAudit(tx, {
      partnerId: options.partnerId,
      actor: options.actor,
      action: 'partner.terms_changed',
      subjectType: 'partner',
      subjectId: before.name,
      details: {
        from: { discountPercent: before.discountPercent, creditTerms: before.creditTerms },
        to: {
          discountPercent: options.discountPercent ?? before.discountPercent,
          creditTerms: options.creditTerms ?? before.creditTerms,
        },
      },
      meta: options.meta,
    });
    const [after] = (await listPartners(tx)).filter((p) => p.id === options.partnerId);
    if (!after) throw new Error('a partner vanished while its terms changed');
    return after;
  });
}

/**
 * A partner's users as vendor staff see them (SPEC §1), its pending invitations among them as
 * `invited`; an unknown partner is not found.
 */
export async function partnerUsersForStaff(db: Queryable, partnerId: string) {
  if (!(await partnerExists(db, partnerId)))
    throw new DomainError('not_found', 'partner.not_found', 'No such partner.');
  const rows = await listUsersOfPartner(db, partnerId);
  const invited = await pendingInvitations(db, partnerId);
  const items = [
    ...rows.map(({ disabledAt, ...user }) => ({
      ...user,
      status: disabledAt ? ('deactivated' as const) : ('active' as const),
    })),
    ...invited.map(({ id, name, email, role }) => ({ id, name, email, role, status: 'invited' as const })),
  ];
  return { items: items.sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Vendor staff create a partner organisation (SPEC §1) with its first admin, invited by email;
 * audited in the new partner's log. A name already taken, or an admin's email that already has a
 * login with any partner, is refused next to the field.
 */
export async function createPartnerAsStaff(
  db: Queryable,
  jobs: JobQueue,
  options: { actor: VendorStaffActor; meta: RequestMeta; request: CreatePartnerRequest; publicUrl: string },
): Promise<z.input<typeof PartnerSummary>> {
  const { request, meta } = options;
  return db.transaction(async (tx) => {
    if (await findPartnerByName(tx, request.name)) {
      throw new DomainError('conflict', 'partner.name_taken', 'A partner of this name exists already.', {
        field: 'name',
      });
    }
    const partner = await createPartner(tx, {
      name: request.name,
      country: request.country,
      currency: request.currency,
      discountPercent: request.discountPercent,
      creditTerms: request.creditTerms,
    });
    await recordAudit(tx, {
      partnerId: partner.id,
      actor: options.actor,
      action: 'partner.created',
      subjectType: 'partner',
      subjectId: request.name,
      details: {
        currency: request.currency,
        discountPercent: request.discountPercent,
        creditTerms: request.creditTerms,
      },
      meta,
    });
    await createInvitation(tx, jobs, {
      partner: { id: partner.id, name: request.name, country: request.country },
      inviter: options.actor,
      invite: { ...request.admin, role: 'admin' },
      publicUrl: options.publicUrl,
      meta,
      emailField: 'admin.email',
    });
    const [created] = (await listPartners(tx)).filter((p) => p.id === partner.id);
    if (!created) throw new Error('a partner just created is missing');
    return created;
  });
}

/** A partner user to write to and act for when no request of theirs is at hand (a settled order). */
export async function partnerUserContact(
  db: Queryable,
  partnerUserId: string,
): Promise<{
  userId: string;
  email: string;
  locale: Locale;
  partner: { id: string; name: string };
} | null> {
  const row = await findUserContactRow(db, partnerUserId);
  if (!row) return null;
  return {
    userId: row.userId,
    email: row.email,
    locale: row.locale ?? defaultLocaleFor(row.partnerCountry),
    partner: { id: row.partnerId, name: row.partnerName },
  };
}
