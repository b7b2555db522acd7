import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import { findUsableLink, insertOneTimeLink, markLinkUsed } from './one-time-links.queries.ts';
import { hashToken, newToken } from './sessions.ts';

/** An invitation's link is its own row's (partners/invitations.ts): these are an account admin's. */
export type LinkPurpose = 'account_admin';
export type LinkSubject = { customerAccountId: string };

/** How long a link works: an account admin's sign-in an hour. */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  account_admin: 60 * 60 * 1000,
};

export interface OpenLink {
  purpose: LinkPurpose;
  customerAccountId: string | null;
  email: string;
  expiresAt: Date;
}

const linkGone = () =>
  new DomainError(
    'not_found',
    'link.not_found',
    'This link has expired or was used already. Ask for a new one.',
  );

/** Makes a one-time link (in the caller's transaction) and answers its token, for the email only. */
export async function issueLink(
  db: Queryable,
  input: { purpose: LinkPurpose; subject: LinkSubject; email: string; now: Date },
): Promise<string> {
  const token = newToken();
  await insertOneTimeLink(db, {
    tokenHash: hashToken(token),
    purpose: input.purpose,
    ...input.subject,
    email: input.email,
    expiresAt: new Date(input.now.getTime() + LINK_LIFETIME_MS[input.purpose]),
    createdAt: input.now,
  });
  return token;
}

/** A link that still works, to show what it is for; a used, expired or unknown one is not found. */
export async function findLink(
  db: Queryable,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<OpenLink> {
  const row = await findUsableLink(db, hashToken(token), purpose, now);
  if (!row) throw linkGone();
  return { ...row, purpose: row.purpose as LinkPurpose };
}

/** Uses the link up (once, whoever asks twice at the same time) and answers what it was for. */
export async function consumeLink(
  db: Queryable,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<OpenLink> {
  const row = await markLinkUsed(db, hashToken(token), purpose, now);
  if (!row) throw linkGone();
  return { ...row, purpose: row.purpose as LinkPurpose };
}
