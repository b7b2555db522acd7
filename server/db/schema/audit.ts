import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partners, partnerUsers } from './partners.ts';
import { vendorStaff } from './staff.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    partnerId: uuid('partner_id').references(() => partners.id),
    actorUserId: uuid('actor_user_id').references(() => partnerUsers.id),
    actorStaffId: uuid('actor_staff_id').references(() => vendorStaff.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_partner_time_idx').on(t.partnerId, t.occurredAt),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
