import { useTranslation } from 'react-i18next';

/**
 * The names of a calendar's arrow buttons in the interface language, for every date picker. The
 * month and year headers are named by the text they show.
 */
export function useCalendarLabels() {
  const { t } = useTranslation();
  return {
    nextMonth: t('filters.calendar.nextMonth'),
    previousMonth: t('filters.calendar.previousMonth'),
    nextYear: t('filters.calendar.nextYear'),
    previousYear: t('filters.calendar.previousYear'),
    nextDecade: t('filters.calendar.nextDecade'),
    previousDecade: t('filters.calendar.previousDecade'),
  };
}
