import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditLogQuery } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { useAuditLog } from './api.ts';
import { CompanyNav } from './CompanyNav.tsx';

/** The kinds of action the filter offers: each the beginning of the actions it stands for. */
const actionGroups = [
  'auth.',
  'customer.',
  'quote.',
  'order.',
  'payment_method.',
  'license.',
  'user.',
  'partner.',
];

/** The audit log (partner admins): who did what and when, with filters. */
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
            options: actionGroups.map((value) => ({
              value,
              label: t(`audit.actions.${value.replace(/\.$/, '')}`),
            })),
          },
        ]}
      />
      <PagedResults query={log} filters={filters} texts="auditLog" minWidth={1000}>
        {(page) => (
          <>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.columns.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.details')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.timestamp(entry.occurredAt)}</Table.Td>
                  <Table.Td>{entry.actor ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.subjectId}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.subjectType}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" maw={320} style={{ wordBreak: 'break-word' }}>
                      {Object.entries(entry.details)
                        .filter(([key]) => key !== 'requestId')
                        .map(
                          ([key, value]) =>
                            `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
                        )
                        .join(' · ')}
                    </Text>
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
