import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { oneTimeLinks } from '../../db/schema/index.ts';
import { DomainError } from '../../lib/errors.ts';
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
  await db.insert(oneTimeLinks).values({
    tokenHash: hashToken(token),
    purpose: input.purpose,
    ...input.subject,
    email: input.email,
    expiresAt: new Date(input.now.getTime() + LINK_LIFETIME_MS[input.purpose]),
    createdAt: input.now,
  });
  return token;
}

const usable = (token: string, purpose: LinkPurpose, now: Date) =>
  and(
    eq(oneTimeLinks.tokenHash, hashToken(token)),
    eq(oneTimeLinks.purpose, purpose),
    isNull(oneTimeLinks.usedAt),
    gt(oneTimeLinks.expiresAt, now),
  );

const columns = {
  purpose: oneTimeLinks.purpose,
  customerAccountId: oneTimeLinks.customerAccountId,
  email: oneTimeLinks.email,
  expiresAt: oneTimeLinks.expiresAt,
};

/** A link that still works, to show what it is for; a used, expired or unknown one is not found. */
export async function findLink(
  db: Queryable,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<OpenLink> {
  const [row] = await db
    .select(columns)
    .from(oneTimeLinks)
    .where(usable(token, purpose, now));
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
  const [row] = await db
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(usable(token, purpose, now))
    .returning(columns);
  if (!row) throw linkGone();
  return { ...row, purpose: row.purpose as LinkPurpose };
}
