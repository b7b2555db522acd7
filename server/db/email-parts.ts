import { type SQL, sql } from 'drizzle-orm';
import { index, type PgColumn } from 'drizzle-orm/pg-core';

/**
 * The parts of a stored email that the "contains" search of documents reads through b-tree indexes
 * (see shared/account-search.ts). The indexes (schema) and the searches use these same
 * expressions, which is what lets PostgreSQL match one to the other.
 */

/** The part before the first `@`, reversed: a fragment's `…x@` is then a prefix of it. */
export const emailLocalReversed = (email: PgColumn): SQL => sql`reverse(split_part(${email}, '@', 1))`;

/** The part after the first `@` (up to a second one): a fragment's `@x…` is a prefix of it. */
export const emailDomain = (email: PgColumn): SQL => sql`split_part(${email}, '@', 2)`;

/** The rare email with more than one `@`, whose parts above do not tell where a fragment's `@` fell. */
export const emailHasManyAts = (email: PgColumn): SQL => sql`${email} like '%@%@%'`;

/**
 * The indexes of a partner's document table that the email parts are searched by: prefix searches
 * (text_pattern_ops, whatever the database's collation), and the few emails with more than one `@`.
 */
export function emailPartIndexes(table: string, partnerId: PgColumn, email: PgColumn) {
  return [
    index(`${table}_partner_email_local_rev_idx`).on(
      partnerId,
      sql`${emailLocalReversed(email)} text_pattern_ops`,
    ),
    index(`${table}_partner_email_domain_idx`).on(partnerId, sql`${emailDomain(email)} text_pattern_ops`),
    index(`${table}_partner_email_many_ats_idx`).on(partnerId).where(emailHasManyAts(email)),
  ];
}
