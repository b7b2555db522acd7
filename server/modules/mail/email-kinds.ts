/**
 * The kinds of email the portal sends. The kind is recorded with each email when it is queued (as
 * the `kind:` prefix of its subject reference), and it alone decides whether the email is sealed —
 * its bodies carry a secret: a one-time link that signs someone in, or license keys — and so who
 * may read it in the development mailbox (mailbox.policy.ts).
 */
export const emailKinds = {
  /** A quote's PDF, to whoever the partner names. */
  quote: { sealed: false },
  /** To the partner user who placed an order. */
  order: { sealed: false },
  /** The activation email and resent licenses: license keys. */
  activation: { sealed: true },
  /** A partner user's one-time link to choose a password: it logs in with the role it grants. */
  invitation: { sealed: true },
  /** An account admin's one-time sign-in link. */
  'account-admin': { sealed: true },
} as const satisfies Record<string, { sealed: boolean }>;

export type EmailKind = keyof typeof emailKinds;
export type SealedEmailKind = {
  [K in EmailKind]: (typeof emailKinds)[K]['sealed'] extends true ? K : never;
}[EmailKind];

/** What an email is about: its kind, and the document or person it concerns. */
export interface EmailAbout {
  kind: EmailKind;
  /** The order or quote number, the invited user's id, the account's Customer ID. */
  ref: string;
}

/** How the outbox records what an email is about (`quote:Q-2026-000001`). */
export const subjectRefOf = (about: EmailAbout): string => `${about.kind}:${about.ref}`;

/** The kind of a recorded email; null for one recorded before kinds were (or an unknown one). */
export function kindOf(subjectRef: string | null): EmailKind | null {
  const kind = subjectRef?.split(':', 1)[0] ?? '';
  return Object.hasOwn(emailKinds, kind) ? (kind as EmailKind) : null;
}

export const isSealedKind = (kind: EmailKind): kind is SealedEmailKind => emailKinds[kind].sealed;
