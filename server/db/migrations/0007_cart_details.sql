ALTER TABLE "carts" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "new_team_name" text;--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "subscription_pack_id" uuid;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_team_id_customer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."customer_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_subscription_pack_id_subscription_packs_id_fk" FOREIGN KEY ("subscription_pack_id") REFERENCES "public"."subscription_packs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_one_team_choice" CHECK ("carts"."team_id" is null or "carts"."new_team_name" is null);