import type { LicenseShow } from '../../../contract/licenses.ts';
import { addDays, addMonths, type IsoDate } from '../../lib/dates.ts';
import { RENEWAL_CLOSES_MONTHS_AFTER, renewalWindow } from './renewal-rules.ts';

/** Bounds on a license's end date (`periodEnd`, the first day no longer covered), both inclusive. */
export interface EndRange {
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * The end dates a Updates & Renewals filter (issue 18) lists, as a range the database can answer
 * from an index: "ending in N days" is still running (ends after today) and ends within N days;
 * "lapsed" is the `lapsed` standing of the renewal rules (ended, its late-renewal window still open
 * today), so a row the filter lists always shows as lapsed.
 */
export function endRangeOf(show: LicenseShow, today: IsoDate): EndRange {
  switch (show) {
    case 'ending30':
      return { from: addDays(today, 1), to: addDays(today, 30) };
    case 'ending60':
      return { from: addDays(today, 1), to: addDays(today, 60) };
    case 'ending90':
      return { from: addDays(today, 1), to: addDays(today, 90) };
    case 'lapsed':
      return { from: earliestStillRenewable(today), to: today };
    case 'all':
      return {};
  }
}

/**
 * The earliest end date whose renewal window is still open today. Adding months clamps to a month's
 * last day (31 Aug + 6 months = 28 Feb), so counting the months back is only near it: start a few
 * days before and walk forward (the window's close never goes back as the end date goes forward).
 */
function earliestStillRenewable(today: IsoDate): IsoDate {
  let earliest = addDays(addMonths(today, -RENEWAL_CLOSES_MONTHS_AFTER), -4);
  while (renewalWindow(earliest).closesOn < today) earliest = addDays(earliest, 1);
  return earliest;
}
