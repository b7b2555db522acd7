import type { z } from 'zod';
import type { CompanyProfile } from '../../../contract/partners.ts';
import type { BillingAddress } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCompanyProfileRow, setPartnerBillingAddress } from './partners.queries.ts';

/** The user's organisation (SPEC §1), with what the user may change in it. */
export async function companyProfile(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof CompanyProfile>> {
  const row = await findCompanyProfileRow(db, actor.partner.id);
  if (!row) throw new Error(`partner ${actor.partner.id} of a live session is missing`);
  const { discountBps, ...profile } = row;
  return {
    ...profile,
    discountPercent: discountBps / 100,
    actions: { edit: can(actor, 'partner.manage') },
  };
}

/** A partner admin changes the billing address on file; quotes already made keep theirs. */
export async function changeBillingAddress(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; billingAddress: BillingAddress },
): Promise<z.input<typeof CompanyProfile>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    await setPartnerBillingAddress(tx, {
      partnerId: actor.partner.id,
      billingAddress: options.billingAddress,
    });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'partner.billing_address_changed',
      subjectType: 'partner',
      subjectId: actor.partner.id,
      details: { country: options.billingAddress.country },
      meta,
    });
    return companyProfile(tx, actor);
  });
}
