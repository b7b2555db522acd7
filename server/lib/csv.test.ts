import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { keysetBatches } from '../db/keyset.ts';
import { csvLine, csvStream } from './csv.ts';

/** A whole file as the stream should write it. */
const toCsv = (rows: (string | number | boolean | null)[][]) => `\uFEFF${rows.map(csvLine).join('')}`;

describe('toCsv', () => {
  it('quotes what needs quoting, doubles quotes, and keeps formulas from running', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3, true]])).toBe(
      '\uFEFFa,"b,c","say ""hi""","two\nlines",,3,true\r\n',
    );
    expect(toCsv([['=SUM(A1:A9)', '+1', '@cmd', '-2', 'dev@acme.test']])).toBe(
      "\uFEFF'=SUM(A1:A9),'+1,'@cmd,'-2,dev@acme.test\r\n",
    );
  });
});

/** A sorted list of `count` generated rows, read in keyset batches as a list statement would be. */
function generatedList(count: number, onRead: (limit: number) => void = () => undefined) {
  return keysetBatches<{ n: number }>(1000, async (after, limit) => {
    onRead(limit);
    const start = after ? after.n + 1 : 0;
    return Array.from({ length: Math.max(0, Math.min(limit, count - start)) }, (_, i) => ({ n: start + i }));
  });
}

const cellsOf = ({ n }: { n: number }) => [
  `Q-2026-${String(n).padStart(6, '0')}`,
  `customer ${n}, "quoted"`,
  n * 1.5,
  '=1+1',
];

describe('csvStream', () => {
  it('writes the BOM, the header and every row of every batch, as toCsv does', async () => {
    let text = '';
    await pipeline(
      await csvStream(['Quote', 'Customer', 'Total', 'Note'], generatedList(2500), cellsOf),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          text += chunk.toString('utf8');
          done();
        },
      }),
    );
    const all = [['Quote', 'Customer', 'Total', 'Note']];
    for (let n = 0; n < 2500; n += 1)
      all.push([`Q-2026-${String(n).padStart(6, '0')}`, `customer ${n}, "quoted"`, String(n * 1.5), '=1+1']);
    expect(text).toBe(toCsv(all));
  });

  it('reads the next batch only when the reader asks, and none once the reader has gone', async () => {
    let reads = 0;
    const stream = await csvStream(
      ['n'],
      generatedList(1_000_000, () => (reads += 1)),
      cellsOf,
    );
    for await (const _chunk of stream) {
      if (reads >= 3) break; // the client closed the download after a few batches
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBeLessThanOrEqual(4);
    expect(stream.destroyed).toBe(true);
  });

  it('streams a million rows with the memory of about one batch', async () => {
    // The heap that stays after a collection: what the export holds, not the garbage it leaves.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = 0;
    let bytes = 0;
    let chunks = 0;
    await pipeline(
      await csvStream(['Quote', 'Customer', 'Total', 'Note'], generatedList(1_000_000), cellsOf),
      new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          chunks += 1;
          if (chunks % 100 === 0) peak = Math.max(peak, retained() - before);
          // An asynchronous socket: the next batch waits for this one to be written.
          setImmediate(done);
        },
      }),
    );
    // ~50 MB of CSV went through; what stayed in memory at any time was a few batches (~50 KB each).
    expect(bytes).toBeGreaterThan(45_000_000);
    expect(peak).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);
});
