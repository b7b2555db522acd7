import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox, partnerInvitations, partnerUsers } from '../../db/schema/index.ts';
import {
  createTestPartner,
  createTestStaff,
  invitationTokenOf,
  inviteTestUser,
  TEST_PASSWORD,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login, loginRequest, type TestSession } from '../../test/session.ts';

let t: TestApp;
let inviting: TestPartner;
let admin: TestSession;
let competitor: TestPartner;

beforeAll(async () => {
  t = await startTestApp();
  inviting = await createTestPartner(t.db, t.app, { name: 'Inviting Co' });
  admin = await inviting.loginAs('admin');
  competitor = await createTestPartner(t.db, t.app, { name: 'Competitor Co' });
});
afterAll(() => t.close());

interface Listed {
  id: string;
  email: string;
  name: string;
  role: string;
  invitedAt: string;
  expiresAt: string;
  expired: boolean;
}
const list = async (who: TestSession = admin) => (await who.get('/api/partner/users')).json();
const invitationOf = async (email: string, who: TestSession = admin): Promise<Listed | undefined> =>
  (await list(who)).invitations.find((i: Listed) => i.email === email);
const invite = (email: string, who: TestSession = admin) =>
  who.post('/api/partner/users', { email, name: 'Someone', role: 'sales' });
const open = (token: string) => t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
const accept = (token: string, password = 'a long enough password') =>
  t.app.inject({ method: 'POST', url: `/api/invitations/${token}`, payload: { password } });
const usersWith = (email: string) =>
  t.db.select({ id: partnerUsers.id }).from(partnerUsers).where(eq(partnerUsers.email, email));
/** An entry as the partner's audit log shows it, without what differs by nature (time, request). */
const auditOf = async (action: string, email: string) =>
  (await admin.get(`/api/partner/audit?action=${action}&q=${encodeURIComponent(email)}`))
    .json()
    .items.map(
      (e: {
        actor: { email: string | null } | null;
        action: string;
        subject: { kind: string };
        details: object;
      }) => ({
        actor: e.actor?.email,
        action: e.action,
        subjectType: e.subject.kind,
        details: { ...e.details, requestId: 'any' },
      }),
    );

describe('inviting an address that is, or is not, a login elsewhere', () => {
  it("answers a new email, another partner's user and a vendor staff member's email alike", async () => {
    const staff = await createTestStaff(t.db, t.app);
    const emails = ['fresh.face@users.test', competitor.emails.sales, staff.email];
    const answers = [];
    for (const email of emails) answers.push(await invite(email));
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(201);
      expect(answer.headers['content-type']).toBe(answers[0]?.headers['content-type']);
      expect(answer.body).not.toContain('Competitor Co');
      expect(answer.body).not.toContain(competitor.id);
    }
    // Each is a pending invitation like the others, and none is a user.
    const after = await list();
    const listed = emails.map((email) => after.invitations.find((i: Listed) => i.email === email));
    const [fresh, ...others] = listed.map(({ id: _id, email: _email, ...rest }) => rest);
    expect(fresh).toEqual({
      name: 'Someone',
      role: 'sales',
      invitedAt: t.clock.now.toISOString(),
      expiresAt: new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString(),
      expired: false,
    });
    for (const other of others) expect(other).toEqual(fresh);
    for (const email of emails)
      expect(after.items.map((u: { email: string }) => u.email)).not.toContain(email);

    // Inviting again is refused alike, next to the field; so is a try in another case.
    const again = await Promise.all([...emails.map((e) => invite(e)), invite('Fresh.Face@Users.test')]);
    for (const answer of again) {
      expect(answer.statusCode).toBe(409);
      expect(answer.json()).toEqual({
        code: 'user.already_invited',
        message: 'This email has a pending invitation already: send it again from the list.',
        field: 'email',
      });
    }
    // The audit log tells the same story of each.
    const [freshAudit, ...otherAudits] = await Promise.all(emails.map((e) => auditOf('user.invited', e)));
    expect(freshAudit).toEqual([
      {
        actor: expect.stringContaining(inviting.emails.admin),
        action: 'user.invited',
        subjectType: 'partner_user',
        details: { role: 'sales', requestId: 'any' },
      },
    ]);
    for (const audit of otherAudits) expect(audit).toEqual(freshAudit);

    // Each address gets the same sealed invitation email with its own link.
    for (const invitation of listed) {
      const sent = await t.db
        .select({ subject: mailOutbox.subject, sealed: mailOutbox.sealed, partnerId: mailOutbox.partnerId })
        .from(mailOutbox)
        .where(eq(mailOutbox.subjectRef, `invitation:${invitation.id}`));
      expect(sent).toEqual([
        {
          subject: expect.stringMatching(/ invited you to Partner Portal for Inviting Co$/),
          sealed: true,
          partnerId: inviting.id,
        },
      ]);
      expect(await invitationTokenOf(t.db, invitation.id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    // Nothing changed for the competitor's user, nor in the competitor's log.
    const still = await competitor.loginAs('sales');
    expect((await still.get('/api/auth/me')).json().user).toMatchObject({ role: 'sales' });
    const theirs = (await (await competitor.loginAs('admin')).get('/api/partner/audit?action=user.')).json();
    expect(theirs.total).toBe(0);
  });

  it("refuses an email that is the partner's own user, whoever else invites it", async () => {
    const taken = await invite(inviting.emails.billing);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'user.email_taken', field: 'email' });
    // Another partner may invite that address like any other (its invitee alone learns more).
    expect((await invite(inviting.emails.billing, await competitor.loginAs('admin'))).statusCode).toBe(201);
  });
});

describe('accepting an invitation', () => {
  it('makes the user with the role invited; the link then no longer works', async () => {
    const invitation = await inviteTestUser(admin, t.db, { email: 'joiner@users.test', role: 'billing' });
    expect((await open(invitation.token)).json()).toEqual({
      email: 'joiner@users.test',
      name: 'Invitee',
      partnerName: 'Inviting Co',
      emailHasLogin: false,
    });
    expect((await accept(invitation.token)).statusCode).toBe(200);
    const joined = await login(t.app, 'joiner@users.test', 'a long enough password');
    expect((await joined.get('/api/auth/me')).json().user).toMatchObject({ role: 'billing' });
    expect((await list()).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: 'joiner@users.test', status: 'active' })]),
    );
    expect(await invitationOf('joiner@users.test')).toBeUndefined();
    expect((await open(invitation.token)).json()).toMatchObject({ code: 'link.not_found' });
    expect((await accept(invitation.token, 'another long password')).statusCode).toBe(404);
    expect(await auditOf('user.invitation_accepted', 'joiner@users.test')).toEqual([
      expect.objectContaining({ actor: expect.stringContaining('joiner@users.test') }),
    ]);
  });

  it('tells the invitee, and no one else, that an address with a login cannot accept; nothing is made', async () => {
    const email = competitor.emails.billing;
    const invitation = await inviteTestUser(admin, t.db, { email, role: 'admin' });
    expect((await open(invitation.token)).json()).toMatchObject({ email, emailHasLogin: true });
    const refused = await accept(invitation.token, 'a password to take over');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'invitation.email_has_login',
      message:
        'This email address already has a Partner Portal login, so this invitation cannot be accepted with it. Ask for an invitation to another address.',
    });
    // The login stays the competitor's, with its own password; no second one exists.
    expect(await usersWith(email)).toHaveLength(1);
    expect((await loginRequest(t.app, email, 'a password to take over')).statusCode).toBe(401);
    expect((await loginRequest(t.app, email, TEST_PASSWORD)).statusCode).toBe(200);
    // The inviter still sees a pending invitation, as for anyone who has not answered yet.
    expect(await invitationOf(email)).toMatchObject({ id: invitation.id, expired: false });
    expect(await auditOf('user.invitation_accepted', email)).toEqual([]);
    const [row] = await t.db
      .select({ acceptedAt: partnerInvitations.acceptedAt })
      .from(partnerInvitations)
      .where(eq(partnerInvitations.id, invitation.id));
    expect(row?.acceptedAt).toBeNull();
  });

  it('refuses an address that became a login after it was invited', async () => {
    const email = 'wanted@users.test';
    const ours = await inviteTestUser(admin, t.db, { email });
    const theirs = await inviteTestUser(await competitor.loginAs('admin'), t.db, { email });
    expect((await accept(theirs.token)).statusCode).toBe(200);
    expect((await open(ours.token)).json()).toMatchObject({ emailHasLogin: true });
    expect((await accept(ours.token)).json()).toMatchObject({ code: 'invitation.email_has_login' });
    expect(await usersWith(email)).toHaveLength(1);
  });

  it('of two invitations of one address accepted at once, makes one user and refuses the other', async () => {
    const email = 'sought.after@users.test';
    const ours = await inviteTestUser(admin, t.db, { email });
    const theirs = await inviteTestUser(await competitor.loginAs('admin'), t.db, { email });
    const answers = await Promise.all([accept(ours.token), accept(theirs.token)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.statusCode === 409);
    expect(loser?.json()).toMatchObject({ code: 'invitation.email_has_login' });
    expect(await usersWith(email)).toHaveLength(1);
    const invitations = await t.db
      .select({ acceptedAt: partnerInvitations.acceptedAt })
      .from(partnerInvitations)
      .where(eq(partnerInvitations.email, email));
    expect(invitations.filter((i) => i.acceptedAt !== null)).toHaveLength(1);
    // The losing partner's invitation is still pending, as if unanswered.
    const lostBy = answers[0]?.statusCode === 409 ? admin : await competitor.loginAs('admin');
    expect(await invitationOf(email, lostBy)).toBeDefined();
  });

  // On PostgreSQL, both acceptances are held in the middle (the audit log locked from outside)
  // until each has claimed its invitation and one waits on the other's uncommitted user row.
  it.skipIf(!process.env.DATABASE_URL)(
    'lets the unique email decide between two acceptances caught in the act, with no server error',
    async () => {
      const email = 'caught.in.the.act@users.test';
      const ours = await inviteTestUser(admin, t.db, { email });
      const theirs = await inviteTestUser(await competitor.loginAs('admin'), t.db, { email });
      const outside = new pg.Client({ connectionString: t.database.url });
      await outside.connect();
      try {
        await outside.query('begin');
        await outside.query('lock table audit_log in exclusive mode');
        const answers = Promise.all([accept(ours.token), accept(theirs.token)]);
        // One waits for the lock on the audit log, the other for the first one's user row.
        for (let waiting = 0; waiting < 2; ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const { rows } = await outside.query(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          waiting = rows[0].n;
        }
        await outside.query('commit');
        const statuses = (await answers).map((a) => a.statusCode).sort();
        expect(statuses).toEqual([200, 409]);
        expect((await answers).find((a) => a.statusCode === 409)?.json()).toMatchObject({
          code: 'invitation.email_has_login',
        });
      } finally {
        await outside.end();
      }
      expect(await usersWith(email)).toHaveLength(1);
    },
  );
});

describe('resending and cancelling an invitation', () => {
  it('resends with a new link for 7 more days; the old link dies; audited', async () => {
    const first = await inviteTestUser(admin, t.db, { email: 'slow.reader@users.test' });
    t.clock.advanceDays(3);
    admin = await inviting.loginAs('admin');
    const resent = await admin.post(`/api/partner/invitations/${first.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().invitations.find((i: Listed) => i.id === first.id)).toMatchObject({
      expiresAt: new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString(),
      expired: false,
    });
    const token = await invitationTokenOf(t.db, first.id);
    expect(token).not.toBe(first.token);
    expect((await open(first.token)).json()).toMatchObject({ code: 'link.not_found' });
    expect((await accept(first.token)).statusCode).toBe(404);
    expect(await auditOf('user.invitation_resent', 'slow.reader@users.test')).toEqual([
      {
        actor: expect.stringContaining(inviting.emails.admin),
        action: 'user.invitation_resent',
        subjectType: 'partner_user',
        details: { role: 'sales', requestId: 'any' },
      },
    ]);
    expect((await accept(token)).statusCode).toBe(200);
    // Accepted, it is no longer pending: nothing to resend or cancel.
    expect((await admin.post(`/api/partner/invitations/${first.id}/resend`)).json()).toMatchObject({
      code: 'invitation.not_found',
    });
  });

  it('lists an expired invitation as expired; resending revives it', async () => {
    const late = await inviteTestUser(admin, t.db, { email: 'on.holiday@users.test' });
    t.clock.advanceDays(8);
    admin = await inviting.loginAs('admin');
    expect(await invitationOf('on.holiday@users.test')).toMatchObject({ expired: true });
    expect((await open(late.token)).statusCode).toBe(404);
    expect((await invite('on.holiday@users.test')).json()).toMatchObject({ code: 'user.already_invited' });
    await admin.post(`/api/partner/invitations/${late.id}/resend`);
    expect(await invitationOf('on.holiday@users.test')).toMatchObject({ expired: false });
    expect((await open(await invitationTokenOf(t.db, late.id))).statusCode).toBe(200);
  });

  it('cancels: the link dies, the list drops it, the address may be invited again; audited', async () => {
    const dropped = await inviteTestUser(admin, t.db, { email: 'changed.mind@users.test' });
    const cancelled = await admin.post(`/api/partner/invitations/${dropped.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().invitations.map((i: Listed) => i.id)).not.toContain(dropped.id);
    expect((await open(dropped.token)).statusCode).toBe(404);
    expect((await accept(dropped.token)).statusCode).toBe(404);
    expect(await usersWith('changed.mind@users.test')).toHaveLength(0);
    for (const action of ['cancel', 'resend']) {
      const gone = await admin.post(`/api/partner/invitations/${dropped.id}/${action}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ code: 'invitation.not_found' });
    }
    expect(await auditOf('user.invitation_cancelled', 'changed.mind@users.test')).toHaveLength(1);
    expect((await invite('changed.mind@users.test')).statusCode).toBe(201);
  });

  it("answers another partner's invitation as a missing one, and changes nothing of it", async () => {
    const mine = await inviteTestUser(admin, t.db, { email: 'not.yours@users.test' });
    const other = await competitor.loginAs('admin');
    for (const action of ['resend', 'cancel']) {
      const res = await other.post(`/api/partner/invitations/${mine.id}/${action}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'invitation.not_found' });
    }
    expect((await open(mine.token)).statusCode).toBe(200);
    expect(await invitationOf('not.yours@users.test')).toBeDefined();
    const nobody = await admin.post('/api/partner/invitations/00000000-0000-4000-8000-000000000000/cancel');
    expect(nobody.json()).toMatchObject({ code: 'invitation.not_found' });
    const sales = await inviting.loginAs('sales');
    expect((await sales.post(`/api/partner/invitations/${mine.id}/cancel`)).statusCode).toBe(403);
    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, 'not.yours@users.test'));
    expect(audited).toEqual([{ action: 'user.invited' }]);
  });
});
