import type { Locale } from '../../contract/catalog.ts';
import type { AccountAccess } from '../../contract/customers.ts';
import type { Currency } from '../../contract/money.ts';
import type { Permission, Role } from '../../contract/permissions.ts';
import { roleHasPermission } from '../../contract/permissions.ts';

/** A customer account as a session names it. */
export interface AccountRef {
  id: string;
  customerId: string;
  name: string;
  country: string;
}

/**
 * The customer account opened in a partner user's session (SPEC §3), with how far it is open: the
 * session statement drops it once a Purchaser grant it stood on is withdrawn.
 */
export interface OpenAccount extends AccountRef {
  access: AccountAccess;
  /** This partner holds a live Purchaser grant of the account (it buys, it does not assign). */
  purchaser: boolean;
}

interface SessionPart {
  sessionTokenHash: string;
  csrfToken: string;
}

/** A reseller's staff member (SPEC §1), acting for their partner organisation. */
export interface PartnerUserActor extends SessionPart {
  kind: 'partner_user';
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** The interface language: the user's choice, else their partner's country's. */
  locale: Locale;
  partner: { id: string; name: string; country: string; currency: Currency; discountBps: number };
  openAccount: OpenAccount | null;
}

/** The vendor's own staff, with the back office under /api/admin. */
export interface VendorStaffActor extends SessionPart {
  kind: 'vendor_staff';
  staffId: string;
  email: string;
  name: string;
}

/**
 * An admin contact of a customer account (SPEC §1), signed in by a one-time link to make partners
 * the account's Purchaser or withdraw it; nothing else.
 */
export interface AccountAdminActor extends SessionPart {
  kind: 'account_admin';
  email: string;
  account: AccountRef;
}

/** Who is calling, resolved from the session cookie; routes declare which kinds may call them. */
export type Actor = PartnerUserActor | VendorStaffActor | AccountAdminActor;
export type ActorKind = Actor['kind'];
export type ActorOf<K extends ActorKind> = Extract<Actor, { kind: K }>;

/** The id an actor owns things by (idempotency keys, audit rows). */
export function actorId(actor: Actor): string {
  if (actor.kind === 'partner_user') return actor.userId;
  // An account admin owns nothing but their errand: the account stands for them.
  return actor.kind === 'vendor_staff' ? actor.staffId : actor.account.id;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'partner_user' && roleHasPermission(actor.role, permission);
}
