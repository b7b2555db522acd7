ALTER TABLE "mail_outbox" ADD COLUMN "delivered_via" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "message_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "subject_ref" text;