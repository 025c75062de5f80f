CREATE TABLE `member_views` (
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`as_of` text NOT NULL,
	`valid_until` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`member_id`, `kind`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_views_valid_until` ON `member_views` (`valid_until`);
--> statement-breakpoint
-- A view is stored only for a record that is not merged into another (a person), and only
-- together with the stored statements (`jht_statements`) of every card of the person. So every
-- view of the person of a record is dropped in the transaction of any change to what views are
-- computed from, whoever writes (the API, imports, the demo seed, a repair by hand): the person's
-- records, contacts, KPJ cards and participations directly; contributions, transfers, paid claims
-- and yield rates through the statements those changes drop (migration 0009), so that an import
-- pays for views only where a statement was stored. The next read computes the view again
-- (`member-views/member-views.ts`).
CREATE TRIGGER member_views_member_update AFTER UPDATE ON members
BEGIN
  DELETE FROM member_views
  WHERE member_id IN (OLD.id, NEW.id, OLD.merged_into_member_id, NEW.merged_into_member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_member_delete AFTER DELETE ON members
BEGIN
  DELETE FROM member_views WHERE member_id = OLD.merged_into_member_id;
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_insert AFTER INSERT ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = NEW.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_update AFTER UPDATE ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = OLD.member_id);
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = NEW.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_delete AFTER DELETE ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = OLD.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_insert AFTER INSERT ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = NEW.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_update AFTER UPDATE ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = OLD.member_id);
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = NEW.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_delete AFTER DELETE ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = OLD.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_insert AFTER INSERT ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = NEW.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_update AFTER UPDATE ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = OLD.kpj);
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = NEW.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_delete AFTER DELETE ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = OLD.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_statement_delete AFTER DELETE ON jht_statements
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = OLD.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER member_views_yield_insert AFTER INSERT ON jht_yield_rates
BEGIN
  DELETE FROM member_views;
END;
--> statement-breakpoint
CREATE TRIGGER member_views_yield_update AFTER UPDATE ON jht_yield_rates
BEGIN
  DELETE FROM member_views;
END;
--> statement-breakpoint
CREATE TRIGGER member_views_yield_delete AFTER DELETE ON jht_yield_rates
BEGIN
  DELETE FROM member_views;
END;
