ALTER TABLE "licenses" ADD COLUMN "license_key_sealed" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "sealed" boolean DEFAULT false NOT NULL;