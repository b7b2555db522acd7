import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  type AuditAction,
  type AuditEntry,
  auditActions,
  type Currency,
  countedAuditActions,
} from '../../../../contract/index.ts';

type Entry = z.output<typeof AuditEntry>;

const isAction = (code: string): code is AuditAction => (auditActions as readonly string[]).includes(code);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Who acted, in the reader's language: a user by name, vendor staff shown as such, or someone unknown. */
export function actorText(entry: Entry, t: TFunction): string {
  if (!entry.actor) return t('audit.someone');
  return entry.actor.kind === 'vendor_staff'
    ? t('audit.vendorStaff', { name: entry.actor.name })
    : entry.actor.name;
}

/** The subject by name where it has one (a user, a customer account), else by its number or id. */
export function subjectText(entry: Entry): string {
  if (entry.subject.name) return entry.subject.name;
  if (entry.subject.kind === 'customer_account' && entry.account) return entry.account.name;
  return entry.subject.id;
}

/** A payment method as the log recorded it: the card's brand and last digits, or a PayPal address. */
function methodText(details: Record<string, unknown>): string {
  const last4 = text(details.last4);
  if (last4) return [text(details.brand), `•••• ${last4}`].filter(Boolean).join(' ');
  return text(details.email);
}

/**
 * The dictionary key and the values of an entry's sentence (`audit.sentences.<action>`); an action
 * the dictionaries do not know (an older code) falls back to a sentence that names its code.
 */
export function sentenceOf(
  entry: Entry,
  t: TFunction,
  money: (minor: number, currency: Currency) => string,
): { key: string; values: Record<string, string | number> } {
  const d = entry.details;
  const role = (value: unknown) => (text(value) ? t(`roles.${text(value)}`) : '');
  const values: Record<string, string | number> = {
    actor: actorText(entry, t),
    subject: subjectText(entry),
    account: entry.account?.name ?? text(d.customerId),
    amount: entry.amount ? money(entry.amount.minor, entry.amount.currency) : '',
    email: text(d.to) || text(d.email),
    by: text(d.by),
    role: role(d.role),
    from:
      typeof d.from === 'string' && ['admin', 'sales', 'billing'].includes(d.from)
        ? role(d.from)
        : text(d.from),
    to: typeof d.to === 'string' && ['admin', 'sales', 'billing'].includes(d.to) ? role(d.to) : text(d.to),
    creditNote: text(d.creditNoteNumber),
    method: methodText(d),
    action: entry.action,
  };
  if (!isAction(entry.action)) return { key: 'audit.unknown', values };
  if (countedAuditActions.includes(entry.action))
    values.count = typeof d.licenses === 'number' ? d.licenses : 0;
  return { key: `audit.sentences.${entry.action}`, values };
}
