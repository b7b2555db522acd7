import { Readable } from 'node:stream';

export type CsvCell = string | number | boolean | null;
type CsvRow = readonly CsvCell[];

/** Excel takes a file as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * One field as spreadsheets read it (RFC 4180): quoted when it holds a comma, a quote or a line
 * break, quotes doubled. A text that a spreadsheet would run as a formula (=, +, -, @ first) is led
 * by an apostrophe.
 */
function csvField(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, ended by CRLF. */
export function csvLine(row: CsvRow): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/**
 * A CSV file as a stream: the BOM and header, then each batch of rows as one chunk. A batch is read
 * only when the stream is read (the socket has drained), so an export of any length holds about one
 * batch in memory, and stops reading when the download is abandoned. The first batch is read
 * before the stream is handed over: a failure there (the database down, a search refused) is an
 * error answer, not a file cut after its header.
 */
export async function csvStream<Row>(
  header: readonly string[],
  batches: AsyncIterable<readonly Row[]>,
  cellsOf: (row: Row) => CsvRow,
): Promise<Readable> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* chunks() {
    try {
      yield BOM + csvLine(header);
      for (let next = first; !next.done; next = await iterator.next())
        yield next.value.map((row) => csvLine(cellsOf(row))).join('');
    } finally {
      // An abandoned download ends the batches too (their generator's own cleanup).
      await iterator.return?.();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
