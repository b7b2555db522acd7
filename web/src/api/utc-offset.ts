/**
 * The dates of a list's range are days of the user's calendar, as lists show dates: the server is
 * told where those days begin, in minutes east of UTC (taken at the start of the range, where it
 * counts most).
 */
export function utcOffsetAt(day: string | undefined): number {
  const date = day ? new Date(`${day}T12:00:00`) : new Date();
  return -date.getTimezoneOffset();
}
