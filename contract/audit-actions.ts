import { z } from 'zod';
import { Currency } from './money.ts';

/**
 * Every action the audit log records, in one place: the server writes only these codes, and the web
 * app has an English and a Portuguese sentence for each (`audit.sentences.<code>`, checked by
 * web/src/i18n/audit-sentences.test.ts).
 */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.session_ended',
  'catalog.price_set',
  'catalog.product_withdrawn',
  'customer.created',
  'customer.open_failed',
  'customer.opened',
  'customer.purchaser_granted',
  'customer.purchaser_withdrawn',
  'invoice.credited',
  'invoice.paid',
  'license.assigned',
  'license.revoked',
  'order.activation_sent',
  'order.licenses_resent',
  'order.placed',
  'partner.billing_address_changed',
  'partner.created',
  'partner.terms_changed',
  'payment_method.added',
  'payment_method.removed',
  'quote.cancelled',
  'quote.convert_failed',
  'quote.converted',
  'quote.created',
  'quote.direct_created',
  'quote.emailed',
  'quote.resale_prices_set',
  'user.deactivated',
  'user.invitation_accepted',
  'user.invitation_cancelled',
  'user.invitation_resent',
  'user.invited',
  'user.role_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The sentences that count something (licenses): they have i18next plural forms. */
export const countedAuditActions: readonly AuditAction[] = ['order.activation_sent', 'order.licenses_resent'];

/** The kinds of action the page's filter offers: each the beginning of the actions it stands for. */
export const auditActionGroups = [
  'auth.',
  'customer.',
  'quote.',
  'order.',
  'invoice.',
  'payment_method.',
  'license.',
  'user.',
  'partner.',
] as const;

/** What an entry is about, as the log names it. */
export const auditSubjectKinds = [
  'order',
  'quote',
  'invoice',
  'customer_account',
  'partner_user',
  'vendor_staff',
  'license',
  'payment_method',
  'partner',
  'product',
  'session',
] as const;

export const AuditActor = z
  .object({
    /** A user of the partner, or a member of the vendor's staff (shown as such). */
    kind: z.enum(['partner_user', 'vendor_staff']),
    name: z.string(),
    /** A partner user's email; staff's is not shown to partners. */
    email: z.string().nullable(),
  })
  .meta({ id: 'AuditActor' });

export const AuditSubject = z
  .object({
    kind: z.string(),
    /** Its number or id as recorded (R-…, Q-…, INV-…, a Customer ID, a user's email…). */
    id: z.string(),
    /** Its name where it has one the partner may see (a user's name). */
    name: z.string().nullable(),
    /** The portal page that shows it, where the partner may open it; null otherwise. */
    link: z.string().nullable(),
  })
  .meta({ id: 'AuditSubject' });

export const AuditAccount = z
  .object({ customerId: z.string(), name: z.string() })
  .meta({ id: 'AuditAccount' });

export const AuditAmount = z
  .object({ minor: z.number().int(), currency: Currency })
  .meta({ id: 'AuditAmount' });
