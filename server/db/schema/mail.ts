import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { mailStatusEnum } from './enums.ts';
import { partners } from './partners.ts';

/** Emails are written here in the business transaction and delivered after commit, with retries. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').references(() => partners.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /**
     * The bodies carry secrets (a one-time link, license keys), as the email's kind says (see
     * modules/mail/email-kinds.ts): kept sealed (AES-256-GCM), opened to send and to show.
     */
    sealed: boolean('sealed').notNull().default(false),
    /** Descriptions of attachments to render at send time (e.g. a quote PDF), not the bytes. */
    attachments: jsonb('attachments').notNull().default([]),
    status: mailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** How it left: `smtp`, or `devbox` (kept in the development mailbox: no SMTP_URL, demo mode). */
    deliveredVia: text('delivered_via'),
    /** The Message-ID it was sent with: the same on every retry, so a resent copy is one message. */
    messageId: text('message_id').notNull(),
    /**
     * What it is about, `kind:reference` (e.g. `quote:Q-2026-000001`): the kind decides who may read
     * it in the dev mailbox; the reference finds what was sent about a document.
     */
    subjectRef: text('subject_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    // What was sent about a document (an order's licenses), for the page that shows it.
    index('mail_outbox_subject_idx').on(t.partnerId, t.subjectRef),
  ],
);
