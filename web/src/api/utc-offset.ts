/**
 * The dates of a list's range are days of the user's calendar, as lists show dates: the server is
 * told where those days begin, in minutes east of UTC (taken at the start of the range, where it
 * counts most).
 */
export function utcOffsetAt(day: string | undefined): number {
  const date = day ? new Date(`${day}T12:00:00`) : new Date();
  return -date.getTimezoneOffset();
}

/**
 * A list's filters as the API query of a list dated by timestamps (quotes, orders, the audit log):
 * the range's days are the user's calendar days. Invoices are dated by calendar day and need no offset.
 */
export function inUserDays<Filters extends { from?: string | undefined }>(
  filters: Filters,
): Filters & { utcOffset: number } {
  return { ...filters, utcOffset: utcOffsetAt(filters.from) };
}
