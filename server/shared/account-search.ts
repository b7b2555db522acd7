import { and, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { identifierPatterns } from '../../contract/identifiers.ts';
import type { Queryable } from '../db/client.ts';
import { emailDomain, emailHasManyAts, emailLocalReversed } from '../db/email-parts.ts';
import { customerAccounts, customerContacts } from '../db/schema/index.ts';

/** Above this many matching accounts the account arm stays a subquery instead of a list of ids. */
export const ACCOUNT_ID_LIST_LIMIT = 500;

/** A contact's whole email, or a part of the name (a LIKE pattern) and maybe a Customer ID. */
export type AccountMatch = { contactEmail: string } | { nameContains: string; customerId: string | null };

/** `text` for LIKE, with LIKE's own characters taken literally. */
const literalPattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for LIKE, with LIKE's own characters taken literally. */
export const containsPattern = (text: string) => `%${literalPattern(text)}%`;

/** Printable ASCII: lower-cased alike in JavaScript and PostgreSQL. */
const plainAscii = /^[\x20-\x7e]*$/;

/**
 * The licensee emails that contain `text` (`contains` is its LIKE pattern). A fragment with one `@`
 * ("gavin@hoo") lies across the email's own `@`: its part before the `@` ends the email's local
 * part and its part after begins the domain, which b-tree indexes find as prefixes (email-parts.ts).
 * The trigram index alone made that search read most of itself: an email's common trigrams
 * ("use", "com") each list most rows, and every candidate of the rare ones was checked in all of
 * them. Emails with more than one `@` (which the API does not take) are still found, through a
 * partial index of them; whatever the arm, the whole pattern is checked on the row.
 */
function emailContains(document: SearchableDocument, partnerId: string, text: string, contains: string): SQL {
  const whole = ilike(document.endUserEmail, contains);
  const parts = text.toLowerCase().split('@');
  const [local = '', domain = ''] = parts;
  if (parts.length !== 2 || (!local && !domain) || !plainAscii.test(text)) return whole;
  const ofPartner = eq(document.partnerId, partnerId);
  const reversedLocal = [...local].reverse().join('');
  return or(
    and(
      ofPartner,
      local
        ? like(emailLocalReversed(document.endUserEmail), `${literalPattern(reversedLocal)}%`)
        : undefined,
      domain ? like(emailDomain(document.endUserEmail), `${literalPattern(domain)}%`) : undefined,
      whole,
    ),
    and(ofPartner, emailHasManyAts(document.endUserEmail), whole),
  ) as SQL;
}

/**
 * The ids of the customer accounts a search names: by a contact's exact email, or by name (a
 * part of it) or Customer ID. Contact emails match only whole, so a search cannot be used to
 * discover the contacts of accounts. A new builder on every call: Drizzle's `.limit()` changes a
 * builder in place, and a reused one would carry the limit into the other branch.
 */
function accountsMatching(db: Queryable, match: AccountMatch) {
  if ('contactEmail' in match) {
    return db
      .select({ id: customerContacts.customerAccountId })
      .from(customerContacts)
      .where(eq(customerContacts.email, match.contactEmail));
  }
  return db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(
      or(
        ilike(customerAccounts.name, match.nameContains),
        match.customerId ? eq(customerAccounts.customerId, match.customerId) : undefined,
      ),
    );
}

/**
 * A partner's documents (quotes, orders, invoices: a table with a partner and an account column) of
 * the customer accounts a search names. The ids are looked up first, so the planner sees real
 * values for (partner_id, customer_account_id) instead of guessing the size of a subquery (which
 * made it walk all of a partner's documents); past ACCOUNT_ID_LIST_LIMIT ids, a subquery it is.
 */
export async function documentsOfMatchingAccounts(
  db: Queryable,
  columns: { partnerId: PgColumn; customerAccountId: PgColumn },
  partnerId: string,
  match: AccountMatch,
): Promise<SQL | undefined> {
  const ids = (await accountsMatching(db, match).limit(ACCOUNT_ID_LIST_LIMIT + 1)).map((r) => r.id);
  if (ids.length === 0) return undefined;
  const ofPartner = eq(columns.partnerId, partnerId);
  if (ids.length <= ACCOUNT_ID_LIST_LIMIT) return and(ofPartner, inArray(columns.customerAccountId, ids));
  return and(ofPartner, inArray(columns.customerAccountId, accountsMatching(db, match)));
}

/** The columns of a partner's document table that the list searches read. */
export interface SearchableDocument {
  partnerId: PgColumn;
  customerAccountId: PgColumn;
  /** The document's number (`Q-…`, `R-…`, `INV-…`). */
  number: PgColumn;
  endUserEmail: PgColumn;
  /** Searched as "contains" too, where the document carries one. */
  poNumber?: PgColumn;
}

/**
 * The search of the Quotes, Orders and Invoices lists (SPEC §7, §9, §11): a complete document
 * number, a customer email (the licensee's the document is addressed to, or one of the account's
 * contacts, matched whole), or else a "contains" search in numbers, PO numbers, licensee emails and
 * customer names (or a Customer ID). Each arm of the OR has its index (trigram GIN, the email parts'
 * b-trees, or (partner_id, customer_account_id)); the caller scopes the whole by partner.
 */
export async function documentSearchCondition(
  db: Queryable,
  document: SearchableDocument,
  numberPattern: RegExp,
  partnerId: string,
  q: string,
): Promise<SQL | undefined> {
  const text = q.trim();
  if (numberPattern.test(text.toUpperCase())) return eq(document.number, text.toUpperCase());
  if (identifierPatterns.email.test(text)) {
    const email = text.toLowerCase();
    return or(
      and(eq(document.partnerId, partnerId), eq(document.endUserEmail, email)),
      await documentsOfMatchingAccounts(db, document, partnerId, { contactEmail: email }),
    );
  }
  const contains = containsPattern(text);
  const customerId = identifierPatterns.customerId.test(text) ? text : null;
  return or(
    ilike(document.number, contains),
    document.poNumber ? ilike(document.poNumber, contains) : undefined,
    emailContains(document, partnerId, text, contains),
    await documentsOfMatchingAccounts(db, document, partnerId, { nameContains: contains, customerId }),
  );
}
