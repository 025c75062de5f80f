CREATE TABLE `account_control_proofs` (
	`account_id` integer NOT NULL,
	`proven_account_id` integer NOT NULL,
	`method` text NOT NULL,
	`proven_at` text NOT NULL,
	PRIMARY KEY(`account_id`, `proven_account_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proven_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contributions` (
	`kpj` text NOT NULL,
	`period` text NOT NULL,
	`npp` text NOT NULL,
	`wage` integer NOT NULL,
	`jht_employee` integer NOT NULL,
	`jht_employer` integer NOT NULL,
	`jkk` integer NOT NULL,
	`jkm` integer NOT NULL,
	`jp_employee` integer NOT NULL,
	`jp_employer` integer NOT NULL,
	`jkp` integer NOT NULL,
	`paid_at` text,
	PRIMARY KEY(`kpj`, `period`, `npp`),
	FOREIGN KEY (`kpj`) REFERENCES `member_kpj`(`kpj`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `duplicate_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` text NOT NULL,
	`left_member_id` integer NOT NULL,
	`right_member_id` integer NOT NULL,
	`score` real NOT NULL,
	`decision` text NOT NULL,
	`reasons` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`resolved_by_staff_id` integer,
	`resolved_at` text,
	`resolution_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `duplicate_scans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`left_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`right_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_candidates_pair` ON `duplicate_candidates` (`left_member_id`,`right_member_id`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_state` ON `duplicate_candidates` (`state`,`score`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_right` ON `duplicate_candidates` (`right_member_id`);--> statement-breakpoint
CREATE TABLE `duplicate_scans` (
	`id` text PRIMARY KEY NOT NULL,
	`requested_by_staff_id` integer NOT NULL,
	`state` text NOT NULL,
	`phase` text NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`candidates_found` integer DEFAULT 0 NOT NULL,
	`error` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`requested_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `employers` (
	`npp` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jht_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`from_kpj` text NOT NULL,
	`to_kpj` text NOT NULL,
	`transferred_on` text NOT NULL,
	`amount` integer NOT NULL,
	`channel` text NOT NULL,
	`requested_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`from_kpj`) REFERENCES `member_kpj`(`kpj`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_kpj`) REFERENCES `member_kpj`(`kpj`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jht_transfers_from` ON `jht_transfers` (`from_kpj`);--> statement-breakpoint
CREATE INDEX `jht_transfers_to` ON `jht_transfers` (`to_kpj`);--> statement-breakpoint
CREATE TABLE `jht_yield_rates` (
	`year` integer PRIMARY KEY NOT NULL,
	`rate_basis_points` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `participations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpj` text NOT NULL,
	`npp` text,
	`segment` text NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	`end_reason` text,
	FOREIGN KEY (`kpj`) REFERENCES `member_kpj`(`kpj`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`npp`) REFERENCES `employers`(`npp`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participations_kpj` ON `participations` (`kpj`);--> statement-breakpoint
CREATE TABLE `person_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`kept_member_id` integer NOT NULL,
	`merged_member_id` integer NOT NULL,
	`moved_kpjs` text NOT NULL,
	`moved_members` text NOT NULL,
	`merged_by_staff_id` integer NOT NULL,
	`merged_at` text NOT NULL,
	`reason` text NOT NULL,
	`unmerged_by_staff_id` integer,
	`unmerged_at` text,
	`unmerge_reason` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `duplicate_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kept_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unmerged_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_merges_candidate` ON `person_merges` (`candidate_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `closed_reason` text;--> statement-breakpoint
ALTER TABLE `member_kpj` ADD `merged_into_kpj` text;--> statement-breakpoint
ALTER TABLE `member_kpj` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `members` ADD `merged_into_member_id` integer;--> statement-breakpoint
CREATE INDEX `members_merged_into` ON `members` (`merged_into_member_id`);