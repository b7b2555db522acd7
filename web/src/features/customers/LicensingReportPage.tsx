import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LicensingReportQuery, Standing } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { CsvDownload } from '../../ui/CsvDownload.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { PagedResults } from '../../ui/PagedResults.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { licensingReportCsvUrl, useLicensingReport } from './api.ts';

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * A managed account's licensing report (SPEC §10): every license with product, License ID, assigned
 * user, team, pack, period, status and fallback right; filters by product, status, team and License
 * ID or user, and the same selection as a CSV download.
 */
export function LicensingReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const customerId = useParams().customerId ?? '';
  const filters = useUrlFilters(LicensingReportQuery);
  const report = useLicensingReport(customerId, filters.values);
  const data = report.data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/customers" size="sm">
          {t('licensingReport.back')}
        </Anchor>
        <PageTitle>
          {data
            ? t('licensingReport.titleFor', {
                name: data.customer.name,
                customerId: data.customer.customerId,
              })
            : t('licensingReport.title')}
        </PageTitle>
      </div>
      <FilterBar
        filters={filters}
        dates={false}
        label={t('licensingReport.filtersLabel')}
        searchLabel={t('licensingReport.search')}
        searchPlaceholder={t('licensingReport.searchPlaceholder')}
        selects={[
          {
            name: 'product',
            label: t('licensingReport.product'),
            anyLabel: t('licensingReport.anyProduct'),
            options: (data?.products ?? []).map((p) => ({ value: p.code, label: p.name })),
          },
          {
            name: 'status',
            label: t('licensingReport.status'),
            anyLabel: t('licensingReport.anyStatus'),
            options: Standing.options.map((value) => ({ value, label: t(`renewals.standing.${value}`) })),
          },
          {
            name: 'team',
            label: t('licensingReport.team'),
            anyLabel: t('licensingReport.anyTeam'),
            options: (data?.teams ?? []).map((team) => ({ value: team, label: team })),
          },
        ]}
      />
      <CsvDownload href={licensingReportCsvUrl(customerId, filters.values)} />
      <PagedResults query={report} filters={filters} texts="licensingReport" minWidth={1200}>
        {(page) => (
          <>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('licensingReport.columns.product')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.licenseId')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.assignedTo')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.team')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.pack')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('licensingReport.columns.fallback')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((row) => (
                <Table.Tr key={row.licenseId}>
                  <Table.Td>
                    <Text size="sm">{row.productName}</Text>
                    {row.serviceDomain ? (
                      <Text size="xs" c="dimmed">
                        {row.serviceDomain}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={nowrap}>{row.licenseId}</Table.Td>
                  <Table.Td>{row.assignedTo ?? t('common.none')}</Table.Td>
                  <Table.Td>{row.team ?? t('common.none')}</Table.Td>
                  <Table.Td style={nowrap}>{row.packNumber}</Table.Td>
                  <Table.Td style={nowrap}>
                    {format.date(row.periodStart)} – {format.date(row.periodEnd)}
                  </Table.Td>
                  <Table.Td style={nowrap}>
                    <Badge variant="light" color="gray" style={{ color: '#343a40' }}>
                      {t(`renewals.standing.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.perpetualFallback ? t('licensingReport.yes') : t('licensingReport.no')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
