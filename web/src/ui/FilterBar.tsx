import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { issueText } from '../i18n/messages.tsx';
import { useCalendarLabels } from './calendarLabels.ts';
import { type ListFilters, useFilterBarState } from './useFilterBarState.ts';
import type { UrlFilters } from './useUrlFilters.ts';

/** A choice that narrows the list (a status, a product…), applied as soon as it is made. */
export interface FilterSelect {
  name: string;
  label: string;
  anyLabel: string;
  options: { value: string; label: string }[];
}

/**
 * Date range, search text and Clear filters for a list whose filters live in the URL
 * (useUrlFilters). A date range applies as soon as it is complete (or cleared); the text on Search,
 * once the list's query schema accepts it — otherwise its message shows next to the field and
 * nothing is sent.
 */
export function FilterBar<Values extends ListFilters>({
  filters,
  label,
  searchLabel,
  searchPlaceholder,
  selects = [],
  dates = true,
}: {
  filters: UrlFilters<Values>;
  /** The name of the search landmark, e.g. "Quote filters". */
  label: string;
  searchLabel: string;
  searchPlaceholder: string;
  /** Choices that narrow the list (a status, a product…), applied as soon as they are made. */
  selects?: FilterSelect[];
  /** The date range (lists of dated documents); off for lists that have no date to filter by. */
  dates?: boolean;
}) {
  const { t } = useTranslation();
  const calendarLabels = useCalendarLabels();
  const applied = filters.values;
  const { range, changeRange, search, changeSearch, problems, apply, submit } = useFilterBarState(filters);

  const dateProblem = problems.from ?? problems.to;
  const otherProblems = Object.entries(problems).filter(
    ([key]) => !['from', 'to', 'q', ...selects.map((select) => select.name)].includes(key),
  );

  return (
    <search aria-label={label}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Group align="flex-start" gap="sm" wrap="wrap">
            {dates ? (
              <DatePickerInput
                type="range"
                label={t('filters.dateRange')}
                placeholder={t('filters.dateRangePlaceholder')}
                value={range}
                onChange={changeRange}
                valueFormat={t('filters.dateFormat')}
                clearable
                clearButtonProps={{ 'aria-label': t('filters.clearDates') }}
                ariaLabels={calendarLabels}
                allowSingleDateInRange
                error={dateProblem ? issueText(dateProblem) : undefined}
                w={300}
              />
            ) : null}
            <TextInput
              label={searchLabel}
              placeholder={searchPlaceholder}
              value={search}
              onChange={(event) => changeSearch(event.currentTarget.value)}
              error={problems.q ? issueText(problems.q) : undefined}
              autoComplete="off"
              w={360}
            />
            {selects.map((select) => {
              const problem = problems[select.name];
              return (
                <NativeSelect
                  key={select.name}
                  label={select.label}
                  data={[{ value: '', label: select.anyLabel }, ...select.options]}
                  value={String(applied[select.name] ?? '')}
                  onChange={(event) => apply({ [select.name]: event.currentTarget.value || undefined })}
                  error={problem ? issueText(problem) : undefined}
                  w={180}
                />
              );
            })}
            <Button type="submit" mt={25}>
              {t('filters.submit')}
            </Button>
            {filters.hasFilters ? (
              <Button variant="subtle" onClick={filters.clear} mt={25}>
                {t('filters.clear')}
              </Button>
            ) : null}
          </Group>
          {otherProblems.map(([key, issue]) => (
            <Alert key={key} color="orange" variant="light">
              {issueText(issue)}
            </Alert>
          ))}
        </Stack>
      </form>
    </search>
  );
}
