CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`branch_code` text NOT NULL,
	`day` text NOT NULL,
	`slot` text NOT NULL,
	`purpose` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	`checked_in_at` text,
	`checked_in_by_staff_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_code`) REFERENCES `branches`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_branch_day` ON `appointments` (`branch_code`,`day`,`slot`);--> statement-breakpoint
CREATE INDEX `appointments_member` ON `appointments` (`member_id`);--> statement-breakpoint
CREATE TABLE `branches` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`state` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`last_committed_line` integer DEFAULT 0 NOT NULL,
	`requested_by_staff_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text,
	FOREIGN KEY (`requested_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_jobs_file` ON `import_jobs` (`kind`,`file_sha256`);--> statement-breakpoint
CREATE TABLE `import_rejections` (
	`job_id` text NOT NULL,
	`line` integer NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`job_id`, `line`),
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `jht_claim_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`retain_until` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`claim_id`) REFERENCES `jht_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jht_claim_documents_claim` ON `jht_claim_documents` (`claim_id`);--> statement-breakpoint
CREATE INDEX `jht_claim_documents_retain` ON `jht_claim_documents` (`retain_until`);--> statement-breakpoint
CREATE TABLE `jht_claim_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` text NOT NULL,
	`at` text NOT NULL,
	`state` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`note` text,
	FOREIGN KEY (`claim_id`) REFERENCES `jht_claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jht_claim_events_claim` ON `jht_claim_events` (`claim_id`,`id`);--> statement-breakpoint
CREATE TABLE `jht_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`kpj` text NOT NULL,
	`reason` text NOT NULL,
	`claimant` text NOT NULL,
	`heir_encrypted` text,
	`submitted_via` text NOT NULL,
	`case_id` text,
	`state` text NOT NULL,
	`open_key` text,
	`gross` integer NOT NULL,
	`tax` integer NOT NULL,
	`net` integer NOT NULL,
	`needs_supervisor` integer NOT NULL,
	`assessment` text NOT NULL,
	`bank_code` text NOT NULL,
	`bank_account_encrypted` text NOT NULL,
	`bank_account_last4` text NOT NULL,
	`bank_account_holder` text NOT NULL,
	`npwp_encrypted` text,
	`submitted_at` text NOT NULL,
	`decided_at` text,
	`decided_by_staff_id` integer,
	`decision_reason` text,
	`paid_on` text,
	`payment_reference` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpj`) REFERENCES `member_kpj`(`kpj`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jht_claims_open_key` ON `jht_claims` (`open_key`);--> statement-breakpoint
CREATE INDEX `jht_claims_member` ON `jht_claims` (`member_id`);--> statement-breakpoint
CREATE INDEX `jht_claims_state` ON `jht_claims` (`state`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `jht_claims_kpj` ON `jht_claims` (`kpj`);--> statement-breakpoint
CREATE TABLE `notice_preferences` (
	`member_id` integer NOT NULL,
	`topic` text NOT NULL,
	`email` integer NOT NULL,
	`sms` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`member_id`, `topic`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notices_sent` (
	`member_id` integer NOT NULL,
	`topic` text NOT NULL,
	`subject` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`member_id`, `topic`, `subject`)
);
