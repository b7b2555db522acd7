import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import { can } from '../../shared/actor.ts';

/**
 * What a user may do with the licenses of the open account. A Purchaser of the account may see and
 * renew its licenses but not assign or revoke them (SPEC §11a): the grant is for buying. Opened with
 * the customer's proof (or created by this partner for its customer), the partner manages them; an
 * account open through this partner's own orders shows only what it sold, and assigns nothing.
 */
export function licenseActions(actor: PartnerUserActor, account: OpenAccount): { assign: boolean } {
  return { assign: can(actor, 'licenses.assign') && account.access === 'proof' && !account.purchaser };
}

/**
 * Whose sales bound what the session sees of the account's licenses and packs: with the customer's
 * proof or a live grant, the whole account; opened through this partner's own orders, only the
 * licenses those orders paid for (SPEC §3: no account is seen without proof or a grant).
 */
export function soldByScope(actor: PartnerUserActor, account: OpenAccount): string | null {
  return account.access === 'own_sales' ? actor.partner.id : null;
}
