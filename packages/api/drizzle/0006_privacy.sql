CREATE TABLE `correction_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`field` text NOT NULL,
	`requested_value_encrypted` text NOT NULL,
	`previous_value_encrypted` text,
	`evidence_kind` text NOT NULL,
	`evidence_document_id` text NOT NULL,
	`state` text NOT NULL,
	`open_key` text,
	`requested_at` text NOT NULL,
	`due_at` text NOT NULL,
	`decided_at` text,
	`decided_by_staff_id` integer,
	`decision_reason` text,
	`duplicate_scan_id` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_document_id`) REFERENCES `jht_claim_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `correction_requests_open_key` ON `correction_requests` (`open_key`);--> statement-breakpoint
CREATE INDEX `correction_requests_state_due` ON `correction_requests` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `correction_requests_member` ON `correction_requests` (`member_id`);--> statement-breakpoint
CREATE TABLE `privacy_incident_notices` (
	`incident_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`outbox_ids` text NOT NULL,
	`queued_at` text NOT NULL,
	PRIMARY KEY(`incident_id`, `member_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `privacy_incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `privacy_incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`filters` text NOT NULL,
	`measures` text,
	`opened_at` text NOT NULL,
	`opened_by_staff_id` integer NOT NULL,
	`notified_at` text,
	`reported_at` text,
	FOREIGN KEY (`opened_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `privacy_settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_staff_id` integer,
	FOREIGN KEY (`updated_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
