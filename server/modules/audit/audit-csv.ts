import type { Readable } from 'node:stream';
import type { Locale } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { AuditExportFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { type CsvCell, csvStream } from '../../lib/csv.ts';
import { todayUtc } from '../../lib/dates.ts';
import { decimalAmount } from '../../lib/formatting.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { type AuditPageRow, partnerAuditBatches } from './audit.queries.ts';
import { entryOf } from './audit-log.ts';

/** Entries read from the database at a time: a batch is one statement and one chunk of the file. */
export const AUDIT_EXPORT_BATCH = 500;

/** The columns of the audit log's CSV, headed in the user's language. */
const headers: Record<Locale, string[]> = {
  en: [
    'Occurred at (UTC)',
    'User',
    'User email',
    'Action',
    'Subject type',
    'Subject',
    'Subject name',
    'Customer ID',
    'Customer',
    'Currency',
    'Amount',
    'IP address',
    'Details',
  ],
  'pt-BR': [
    'Data e hora (UTC)',
    'Usuário',
    'E-mail do usuário',
    'Ação',
    'Tipo do assunto',
    'Assunto',
    'Nome do assunto',
    'ID do cliente',
    'Cliente',
    'Moeda',
    'Valor',
    'Endereço IP',
    'Detalhes',
  ],
};

/**
 * An entry as the page shows it (entryOf), one field a column; the action and subject as their
 * codes (`order.placed`), which a program filtering the file reads, and the details as JSON.
 */
function csvRow(row: AuditPageRow): CsvCell[] {
  const entry = entryOf(row);
  return [
    entry.occurredAt,
    entry.actor?.name ?? null,
    entry.actor?.email ?? null,
    entry.action,
    entry.subject.kind,
    entry.subject.id,
    entry.subject.name ?? null,
    entry.account?.customerId ?? null,
    entry.account?.name ?? null,
    entry.amount?.currency ?? null,
    entry.amount ? decimalAmount(entry.amount.minor, entry.amount.currency as Currency) : null,
    entry.ip,
    Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : null,
  ];
}

/**
 * The partner's audit log as CSV (issue 20): every entry the filters match, newest first, read in
 * batches as the download goes (see quotes-csv.ts for the file's conventions).
 */
export async function partnerAuditCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; filters: AuditExportFilters },
): Promise<{ stream: Readable; filename: string }> {
  const { actor, filters } = options;
  const batches = partnerAuditBatches(db, actor.partner.id, filters, AUDIT_EXPORT_BATCH);
  return {
    stream: await csvStream(headers[actor.locale], batches, csvRow),
    filename: `audit-log-${todayUtc(options.meta.now)}.csv`,
  };
}
