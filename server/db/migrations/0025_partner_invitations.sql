CREATE TABLE "partner_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "partner_role" NOT NULL,
	"invited_by_user_id" uuid,
	"invited_by_staff_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "partner_invitations_email_lower" CHECK ("partner_invitations"."email" = lower("partner_invitations"."email")),
	CONSTRAINT "partner_invitations_one_inviter" CHECK (num_nonnulls("partner_invitations"."invited_by_user_id", "partner_invitations"."invited_by_staff_id") <= 1),
	CONSTRAINT "partner_invitations_one_end" CHECK ("partner_invitations"."accepted_at" is null or "partner_invitations"."cancelled_at" is null)
);
--> statement-breakpoint
-- Invited users who never chose a password become pending invitations (or cancelled ones, if they
-- were deactivated meanwhile), keeping the link already emailed when one still works, and the
-- inviter as the audit log recorded it. No one else refers to such a user: they never logged in.
INSERT INTO "partner_invitations" ("partner_id", "email", "name", "role", "invited_by_user_id", "invited_by_staff_id", "token_hash", "created_at", "expires_at", "cancelled_at")
SELECT u."partner_id", u."email", u."name", u."role", invited."actor_user_id", invited."actor_staff_id",
	-- A link that can never be opened (no SHA-256 looks like this) when none still works.
	coalesce(link."token_hash", 'none:' || u."id"),
	u."created_at", coalesce(link."expires_at", u."created_at" + interval '7 days'), u."disabled_at"
FROM "partner_users" u
LEFT JOIN LATERAL (
	SELECT l."token_hash", l."expires_at" FROM "one_time_links" l
	WHERE l."purpose" = 'invitation' AND l."partner_user_id" = u."id" AND l."used_at" IS NULL
	ORDER BY l."expires_at" DESC LIMIT 1
) link ON true
LEFT JOIN LATERAL (
	SELECT a."actor_user_id", a."actor_staff_id" FROM "audit_log" a
	WHERE a."partner_id" = u."partner_id" AND a."action" = 'user.invited' AND a."subject_id" = u."email"
	ORDER BY a."occurred_at" DESC LIMIT 1
) invited ON true
WHERE u."password_hash" IS NULL;--> statement-breakpoint
DELETE FROM "one_time_links" WHERE "purpose" = 'invitation';--> statement-breakpoint
DELETE FROM "partner_users" WHERE "password_hash" IS NULL;
--> statement-breakpoint
ALTER TABLE "one_time_links" DROP CONSTRAINT "one_time_links_purpose";--> statement-breakpoint
ALTER TABLE "one_time_links" DROP CONSTRAINT "one_time_links_subject";--> statement-breakpoint
ALTER TABLE "one_time_links" DROP CONSTRAINT "one_time_links_partner_user_id_partner_users_id_fk";
--> statement-breakpoint
DROP INDEX "one_time_links_user_idx";--> statement-breakpoint
ALTER TABLE "partner_users" ALTER COLUMN "password_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_invited_by_user_id_partner_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."partner_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_invited_by_staff_id_vendor_staff_id_fk" FOREIGN KEY ("invited_by_staff_id") REFERENCES "public"."vendor_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_invitations_token_unique" ON "partner_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_invitations_pending_unique" ON "partner_invitations" USING btree ("partner_id","email") WHERE "partner_invitations"."accepted_at" is null and "partner_invitations"."cancelled_at" is null;--> statement-breakpoint
ALTER TABLE "one_time_links" DROP COLUMN "partner_user_id";--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_purpose" CHECK ("one_time_links"."purpose" in ('account_admin'));--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_subject" CHECK ("one_time_links"."purpose" = 'account_admin' and "one_time_links"."customer_account_id" is not null);