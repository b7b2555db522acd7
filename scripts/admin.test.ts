import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { loadDemoData } from '../server/demo/demo-data.ts';

/** `npm run admin` as an operator runs it: its own process, on the embedded database's folder. */
let dataDir: string;
const admin = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['scripts/admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'false', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pp-admin-cli-'));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await loadDemoData(database.db);
  await database.close();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run admin', () => {
  it('lists invoices, records a payment and issues a credit note, as a named staff member', () => {
    const unpaid = admin('invoices', '--status', 'not_paid');
    expect(unpaid.status, unpaid.err).toBe(0);
    expect(unpaid.out).toMatch(/INV-2026-000103 .*OVERDUE/);
    const paid = admin(
      'record-payment',
      '--invoice',
      'INV-2026-000103',
      '--paid-on',
      '2026-11-20',
      '--staff',
      'staff@vendor.test',
    );
    expect(paid.out).toContain('INV-2026-000103 is Paid on 2026-11-20.');
    const again = admin('record-payment', '--invoice', 'INV-2026-000103', '--staff', 'staff@vendor.test');
    expect(again.status).toBe(1);
    expect(again.err).toContain('settled already');
    const credited = admin(
      'credit-note',
      '--invoice',
      'INV-2026-000102',
      '--reason',
      'Goodwill',
      '--staff',
      'staff@vendor.test',
    );
    expect(credited.out).toMatch(/INV-2026-000102 is Applied by credit note CN-2026-\d{6}\./);
  }, 120_000);

  it('changes partner terms, and refuses to act without a staff member to audit', () => {
    const unnamed = admin('set-terms', '--partner', 'Outro Revendedor Ltda', '--credit-terms', 'on');
    expect(unnamed.status).toBe(2);
    expect(unnamed.err).toContain('--staff <email>');
    const changed = admin(
      'set-terms',
      '--partner',
      'Outro Revendedor Ltda',
      '--credit-terms',
      'on',
      '--discount',
      '12',
      '--staff',
      'staff@vendor.test',
    );
    expect(changed.out).toContain('Outro Revendedor Ltda: 12 % discount, credit terms on.');
    expect(admin('partners').out).toMatch(/Outro Revendedor Ltda .*12 % credit terms: yes/);
  }, 120_000);

  it('creates a partner with its first admin invited', () => {
    const made = admin(
      'create-partner',
      '--name',
      'CLI Partner',
      '--country',
      'DE',
      '--currency',
      'EUR',
      '--discount',
      '18',
      '--admin-email',
      'boss@cli-partner.test',
      '--admin-name',
      'CLI Boss',
      '--staff',
      'staff@vendor.test',
    );
    expect(made.status, made.err).toBe(0);
    expect(made.out).toContain('CLI Partner created');
    expect(admin('partners').out).toMatch(/CLI Partner .*DE EUR +18 % credit terms: no +users: 1/);
  }, 120_000);

  it('sets a price and withdraws a product', () => {
    const priced = admin(
      'set-price',
      '--product',
      'ws',
      '--currency',
      'EUR',
      '--price',
      '199.50',
      '--staff',
      'staff@vendor.test',
    );
    expect(priced.status, priced.err).toBe(0);
    expect(priced.out).toContain('€199.50');
    // A slip is refused before anything is written, with the same rule as the back office's field.
    for (const [price, rule] of [
      ['-5', 'Enter an amount such as 599.90'],
      ['0', 'A price is more than zero.'],
    ]) {
      const refused = admin('set-price', '--product', 'ws', '--currency', 'EUR', `--price=${price}`);
      expect(refused.status, refused.out).toBe(2);
      expect(refused.err).toContain(`--price: ${rule}`);
    }
    expect(admin('products').out).toMatch(/WS .*€199\.50/);
    expect(admin('withdraw-product', '--product', 'AQ', '--staff', 'staff@vendor.test').out).toContain(
      'AQ Aqua is withdrawn',
    );
    expect(admin('products').out).toMatch(/AQ +Aqua +withdrawn/);
  }, 120_000);
});
