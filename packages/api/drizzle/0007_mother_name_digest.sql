ALTER TABLE `members` ADD `mother_name_digest` text;--> statement-breakpoint
-- Mothers' names written before this version become keyed digests (security/identity-digest.ts:
-- the server registers these functions on its connection with its keys); 0008 drops the clear column.
UPDATE `members` SET `mother_name_digest` = pulih_mother_name_digest(`mother_name`) WHERE `mother_name` IS NOT NULL;--> statement-breakpoint
UPDATE `correction_requests` SET `requested_value_encrypted` = pulih_reseal_mother_name_value(`requested_value_encrypted`), `previous_value_encrypted` = pulih_reseal_mother_name_value(`previous_value_encrypted`) WHERE `field` = 'mother_name';
