import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { loginRequest } from '../../test/session.ts';
import { createStaffMember } from './staff.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('vendor staff accounts', () => {
  it('need a long password and a unique email', async () => {
    await expect(
      createStaffMember(t.db, { email: 'a@vendor.test', name: 'A', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'staff.password_too_short',
    });
    await createStaffMember(t.db, { email: 'B@Vendor.test', name: 'B', password: TEST_PASSWORD });
    await expect(
      createStaffMember(t.db, { email: 'b@vendor.test', name: 'B again', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'staff.email_taken' });
    const res = await loginRequest(t.app, 'b@vendor.test', TEST_PASSWORD, { url: '/api/admin/auth/login' });
    expect(res.statusCode).toBe(200);
  });

  it('are created from the command line (npm run admin -- create-staff)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pp-admin-cli-'));
    try {
      const run = (email: string, password: string) =>
        spawnSync(
          process.execPath,
          ['scripts/admin.ts', 'create-staff', '--email', email, '--name', 'Cli Staff'],
          {
            input: `${password}\n`,
            env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
            encoding: 'utf8',
          },
        );
      const created = run('cli@vendor.test', 'a-long-enough-password');
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain('cli@vendor.test created');
      const again = run('cli@vendor.test', 'a-long-enough-password');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already a staff member');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
