CREATE TABLE `inbound_mail_rejects` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` text NOT NULL,
	`reason` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`raw_head` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kiosk_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`branch_code` text NOT NULL,
	`label` text NOT NULL,
	`paired_by_staff_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text,
	`revoked_at` text,
	FOREIGN KEY (`paired_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_devices_token_hash_unique` ON `kiosk_devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `queue_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_code` text NOT NULL,
	`number` text NOT NULL,
	`service_day` text NOT NULL,
	`kiosk_id` text,
	`intent` text NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`created_at` text NOT NULL,
	`called_at` text,
	`called_by_staff_id` integer,
	`done_at` text,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosk_devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`called_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `queue_tickets_branch_status` ON `queue_tickets` (`branch_code`,`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `queue_tickets_number` ON `queue_tickets` (`branch_code`,`service_day`,`number`);--> statement-breakpoint
CREATE TABLE `support_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text,
	`from_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`received_at` text NOT NULL,
	`closed_at` text
);
--> statement-breakpoint
CREATE INDEX `support_tickets_status` ON `support_tickets` (`status`,`received_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `support_tickets_message_id` ON `support_tickets` (`message_id`);--> statement-breakpoint
ALTER TABLE `staff_users` ADD `branch_code` text;