import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { createTestPartner, TEST_PASSWORD, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { sessionFrom, type TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let other: TestPartner;

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { name: 'Sessions Test Reseller' });
  other = await createTestPartner(t.db, t.app, { name: 'Other Reseller' });
});
afterAll(() => t.close());

/** A login from a browser that says who it is, as a real one does. */
async function loginFrom(email: string, userAgent: string): Promise<TestSession> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return sessionFrom(t.app, res);
}

type Listed = {
  id: string;
  userAgent: string | null;
  signedInAt: string;
  lastSeenAt: string;
  current: boolean;
};
async function list(session: TestSession): Promise<Listed[]> {
  const res = await session.get('/api/auth/sessions');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe("a user's own sessions", () => {
  it('lists the live sessions of the user only, with the browser, the times and which one is asking', async () => {
    const laptop = await loginFrom(partner.emails.sales, FIREFOX);
    t.clock.advanceMinutes(1);
    const phone = await loginFrom(partner.emails.sales, 'Mozilla/5.0 (iPhone) Mobile Safari/604.1');
    await other.loginAs('sales');
    await partner.loginAs('admin');

    const fromLaptop = await list(laptop);
    expect(fromLaptop).toHaveLength(2);
    // Newest login first; only the asking browser's is "this session".
    expect(fromLaptop.map((s) => [s.userAgent, s.current])).toEqual([
      ['Mozilla/5.0 (iPhone) Mobile Safari/604.1', false],
      [FIREFOX, true],
    ]);
    expect(fromLaptop[1]?.signedInAt).toBe(new Date(t.clock.now.getTime() - 60_000).toISOString());
    const fromPhone = await list(phone);
    expect(fromPhone.map((s) => s.current)).toEqual([true, false]);
    // The token's hash is never what names a session.
    expect(JSON.stringify(fromLaptop)).not.toMatch(/tokenHash|token_hash/);
    expect(fromLaptop.every((s) => /^[0-9a-f-]{36}$/.test(s.id))).toBe(true);
  });

  it('signs another session out: it stops working at once and the sign-out is audited', async () => {
    const here = await loginFrom(partner.emails.billing, FIREFOX);
    const there = await loginFrom(partner.emails.billing, 'Mozilla/5.0 Chrome/131.0');
    const target = (await list(here)).find((s) => !s.current);
    if (!target) throw new Error('the other session is not listed');

    const res = await here.delete(`/api/auth/sessions/${target.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'pp_session')).toBeUndefined();
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await list(here)).map((s) => s.current)).toEqual([true]);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.session_ended'), eq(auditLog.subjectId, target.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnerId: partner.id, subjectType: 'session' });
    expect(audit[0]?.details).toMatchObject({ current: false });

    // Gone is gone: signing it out again is not found.
    const again = await here.delete(`/api/auth/sessions/${target.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'session.not_found' });
  });

  it("answers another user's session as not found, in the same partner or another, and leaves it", async () => {
    const owner = await loginFrom(partner.emails.admin, FIREFOX);
    const [own] = await list(owner);
    if (!own) throw new Error('no session listed');
    for (const stranger of [await partner.loginAs('sales'), await other.loginAs('admin')]) {
      const res = await stranger.delete(`/api/auth/sessions/${own.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'session.not_found' });
    }
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);
  });

  it("signing out the asking browser's own session also clears its cookies", async () => {
    const here = await loginFrom(partner.emails.admin, FIREFOX);
    const current = (await list(here)).find((s) => s.current);
    if (!current) throw new Error('no current session');
    const res = await here.delete(`/api/auth/sessions/${current.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'pp_session')).toMatchObject({ value: '' });
    expect((await here.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('keeps a long User-Agent only in part', async () => {
    const here = await loginFrom(partner.emails.sales, `Mozilla/5.0 ${'x'.repeat(2000)}`);
    const current = (await list(here)).find((s) => s.current);
    expect(current?.userAgent?.length).toBe(300);
  });
});
