CREATE TABLE `recovery_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` integer,
	`channel` text NOT NULL,
	`staff_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_cases_member` ON `recovery_cases` (`member_id`);--> statement-breakpoint
CREATE INDEX `recovery_cases_staff` ON `recovery_cases` (`staff_id`);