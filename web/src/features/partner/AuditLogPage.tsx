import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditLogQuery, auditActionGroups } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { CsvDownload } from '../../ui/CsvDownload.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { AuditSentence } from './AuditSentence.tsx';
import { auditLogCsvUrl, useAuditLog } from './api.ts';
import { CompanyNav } from './CompanyNav.tsx';

/** The audit log (partner admins): who did what and when, each entry a sentence, with filters. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(AuditLogQuery);
  const log = useAuditLog(filters.values);
  return (
    <Stack gap="lg">
      <PageTitle>{t('audit.title')}</PageTitle>
      <CompanyNav />
      <FilterBar
        filters={filters}
        label={t('audit.filtersLabel')}
        searchLabel={t('audit.search')}
        searchPlaceholder={t('audit.searchPlaceholder')}
        selects={[
          {
            name: 'action',
            label: t('audit.action'),
            anyLabel: t('audit.anyAction'),
            options: auditActionGroups.map((value) => ({
              value,
              label: t(`audit.actions.${value.replace(/\.$/, '')}`),
            })),
          },
        ]}
      />
      <CsvDownload href={auditLogCsvUrl(filters.values)} />
      <PagedResults query={log} filters={filters} texts="auditLog" minWidth={800}>
        {(page) => (
          <>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.columns.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.what')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.timestamp(entry.occurredAt)}</Table.Td>
                  <Table.Td>
                    <AuditSentence entry={entry} />
                  </Table.Td>
                  <Table.Td>{entry.ip ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
