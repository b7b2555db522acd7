import type { PartnerUserActor, VendorStaffActor } from '../../shared/actor.ts';
import { seesLicenseKeys } from '../../shared/license-key-vault.ts';
import { isSealedKind, kindOf, type SealedEmailKind } from './email-kinds.ts';

/** Who reads the development mailbox with a session. */
export type MailboxReader = PartnerUserActor | VendorStaffActor;

/**
 * Who may read a sealed email of each kind, within their scope (a partner user reads their own
 * organisation's emails). A secret is for its addressee's kind of actor, and never for a role
 * lower than what it grants: the email's kind, recorded when it was queued, decides — so a new
 * sealed kind cannot be added without saying who reads it.
 */
const sealedReaders: Record<SealedEmailKind, (reader: MailboxReader) => boolean> = {
  // The keys on the order page have the same readers; vendor staff are not the licensee's kind.
  activation: (reader) => reader.kind === 'partner_user' && seesLicenseKeys(reader),
  // Whoever follows the link logs in with the role it grants. The partner's admins may invite anyone
  // anyway, so reading one gives them nothing new; a lower role, or vendor staff, would gain a login.
  invitation: (reader) => reader.kind === 'partner_user' && reader.role === 'admin',
  // The account admin is no one with a session here: they read it logged out, on /account-admin in
  // demo mode (see accountAdminSignInEmails).
  'account-admin': () => false,
};

/** The sealed kinds this reader may open (and so see listed). */
export function sealedKindsReadableBy(reader: MailboxReader): SealedEmailKind[] {
  return (Object.keys(sealedReaders) as SealedEmailKind[]).filter((kind) => sealedReaders[kind](reader));
}

/**
 * Whether the reader may read this email (its scope checked apart). A sealed email of no known
 * kind is read by nobody.
 */
export function mayReadEmail(
  reader: MailboxReader,
  email: { sealed: boolean; subjectRef: string | null },
): boolean {
  if (!email.sealed) return true;
  const kind = kindOf(email.subjectRef);
  return kind !== null && isSealedKind(kind) && sealedReaders[kind](reader);
}
