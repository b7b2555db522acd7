import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { loginRequest } from '../test/session.ts';
import { DEMO_PASSWORD, DEMO_STAFF_EMAIL, demoLogins, loadDemoData } from './demo-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the demo data', () => {
  it('loads once, with every login of the README working', async () => {
    expect(await loadDemoData(t.db)).toBe(true);
    expect(await loadDemoData(t.db)).toBe(false);
    for (const { email } of demoLogins) {
      expect((await loginRequest(t.app, email, DEMO_PASSWORD)).statusCode, email).toBe(200);
    }
    const staff = await loginRequest(t.app, DEMO_STAFF_EMAIL, DEMO_PASSWORD, {
      url: '/api/admin/auth/login',
    });
    expect(staff.statusCode).toBe(200);
  });
});
