import type { z } from 'zod';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import {
  LICENSE_SEARCH_MAX_TOKENS,
  type LicenseSearchRequest,
  type LicenseSearchResult,
  type LicenseShow,
  type SubscriptionGroup,
} from '../../../contract/licenses.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { licenseIdOfKey, licenseKeyHash } from '../../shared/license-identifiers.ts';
import { requireOpenAccount } from '../customers/customers.service.ts';
import { endRangeOf } from './license-show.ts';
import { licenseActions, soldByScope } from './licenses.policy.ts';
import { findLicenses, type LicenseFilter, type LicenseRow } from './licenses.queries.ts';
import { optionsFor } from './renewal-rules.ts';

/** Pasted License IDs and keys: split on spaces, commas, semicolons and new lines; duplicates once. */
export function parseLicenseList(text: string): { licenseIds: string[]; keys: string[]; invalid: string[] } {
  const tokens = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((t) => t.toUpperCase()),
    ),
  ];
  if (tokens.length > LICENSE_SEARCH_MAX_TOKENS) {
    throw new DomainError(
      'invalid',
      'licenses.too_many',
      `Search at most ${LICENSE_SEARCH_MAX_TOKENS} License IDs or keys at once.`,
      { field: 'text', params: { max: LICENSE_SEARCH_MAX_TOKENS } },
    );
  }
  const licenseIds: string[] = [];
  const keys: string[] = [];
  const invalid: string[] = [];
  for (const token of tokens) {
    if (identifierPatterns.licenseId.test(token)) licenseIds.push(token);
    else if (identifierPatterns.licenseKey.test(token)) keys.push(token);
    else invalid.push(token);
  }
  return { licenseIds, keys, invalid };
}

/** Seats of one product, pack, period and domain, with what the renewal rules allow today. */
function group(rows: LicenseRow[], today: string): z.input<typeof SubscriptionGroup>[] {
  const groups = new Map<string, LicenseRow[]>();
  for (const row of rows) {
    const key = [row.packNumber, row.productCode, row.periodStart, row.periodEnd, row.serviceDomain].join(
      '|',
    );
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((seats) => {
    const first = seats[0] as LicenseRow;
    const options = optionsFor(first, today);
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => v !== null))].sort();
    return {
      packNumber: first.packNumber,
      productCode: first.productCode,
      productName: first.productName,
      productKind: first.productKind,
      serviceDomain: first.serviceDomain,
      periodStart: first.periodStart,
      periodEnd: first.periodEnd,
      perpetualFallback: first.perpetualFallback,
      seats: seats.length,
      licenseIds: seats.map((s) => s.licenseId),
      seatAssignments: seats.map((s) => ({
        licenseId: s.licenseId,
        assignedEmail: s.assignedEmail,
        team: s.teamName,
      })),
      assignedUsers: distinct(seats.map((s) => s.assignedEmail)),
      teams: distinct(seats.map((s) => s.teamName)),
      orderNumber: seats.find((s) => s.orderNumber)?.orderNumber ?? null,
      poNumber: seats.find((s) => s.poNumber)?.poNumber ?? null,
      standing: options.standing,
      renewalOpensOn: options.window.opensOn,
      renewalClosesOn: options.window.closesOn,
      actions: { renew: options.renew, upgrade: options.upgrade, downgrade: options.downgrade },
    };
  });
}

/** Who reads the open account's licenses, as what, and which end dates the filter lists. */
function readerOf(actor: PartnerUserActor, customerId: string, meta: RequestMeta, show: LicenseShow) {
  // The one account-access rule: only the account open in this session (requireOpenAccount).
  const account = requireOpenAccount(actor, customerId);
  const today = todayUtc(meta.now);
  return {
    account,
    today,
    ends: endRangeOf(show, today),
    actions: licenseActions(actor, account),
    reader: { partnerId: actor.partner.id, soldBy: soldByScope(actor, account) },
  };
}

/**
 * The open account's subscriptions on arrival at Updates & Renewals (issue 18), soonest ending
 * first, grouped as a search groups them; seen as a search sees them (an own-sales session, only
 * what this partner sold).
 */
export async function listLicenses(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; customerId: string; show: LicenseShow },
): Promise<z.input<typeof LicenseSearchResult>> {
  const { account, today, ends, actions, reader } = readerOf(
    options.actor,
    options.customerId,
    options.meta,
    options.show,
  );
  const found = await findLicenses(db, {
    customerAccountId: account.id,
    filter: { mode: 'all' },
    ends,
    reader,
  });
  return { items: group(found.rows, today), notFound: [], invalid: [], actions, truncated: found.truncated };
}

/**
 * Search licenses (SPEC §5) of the account open in this session: opened with the proof of
 * knowledge or under a live Purchaser grant, the account's licenses; opened through this partner's
 * own orders, only those it sold. Within the Updates & Renewals filter (`show`), if one is given.
 */
export async function searchLicenses(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; customerId: string; request: LicenseSearchRequest },
): Promise<z.input<typeof LicenseSearchResult>> {
  const { show = 'all', ...request } = options.request;
  const { account, today, ends, actions, reader } = readerOf(
    options.actor,
    options.customerId,
    options.meta,
    show,
  );
  if (request.mode !== 'licenses') {
    const found = await findLicenses(db, {
      customerAccountId: account.id,
      filter: request as LicenseFilter,
      ends,
      reader,
    });
    return {
      items: group(found.rows, today),
      notFound: [],
      invalid: [],
      actions,
      truncated: found.truncated,
    };
  }
  const pasted = parseLicenseList(request.text);
  const keys = pasted.keys.map((key) => ({
    key,
    licenseId: licenseIdOfKey(key) ?? '',
    keyHash: licenseKeyHash(key),
  }));
  const found = await findLicenses(db, {
    customerAccountId: account.id,
    filter: { mode: 'licenses', licenseIds: pasted.licenseIds, keys },
    ends,
    reader,
  });
  const rows = found.rows;
  // Outside the filter is not "not found": only what the account has not at all is listed so.
  const known =
    show === 'all'
      ? found
      : await findLicenses(db, {
          customerAccountId: account.id,
          filter: { mode: 'licenses', licenseIds: pasted.licenseIds, keys },
          reader,
        });
  const foundIds = new Set(known.rows.map((r) => r.licenseId));
  const foundKeys = new Set(known.rows.map((r) => `${r.licenseId}|${r.keyHash}`));
  return {
    items: group(rows, today),
    notFound: [
      ...pasted.licenseIds.filter((id) => !foundIds.has(id)),
      ...keys.filter((k) => !foundKeys.has(`${k.licenseId}|${k.keyHash}`)).map((k) => k.key),
    ],
    invalid: pasted.invalid,
    actions,
    truncated: found.truncated,
  };
}
