CREATE TABLE `jht_notices_pending` (
	`kpj` text PRIMARY KEY NOT NULL,
	`queued_at` text NOT NULL
);
