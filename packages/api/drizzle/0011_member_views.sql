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
-- Every view of a person is dropped in the transaction of any change to what views are computed
-- from, whoever writes (the API, imports, the demo seed, a repair by hand): the person's records
-- (a record and every record merged into it), their contacts, KPJ cards and participations, the
-- cards' contributions, transfers and paid claims, and the yield rates. The next read computes
-- the view again (`member-views/member-views.ts`). A record's person is the record it was merged
-- into, or itself.
CREATE TRIGGER member_views_member_update AFTER UPDATE ON members
BEGIN
  DELETE FROM member_views WHERE member_id = NEW.id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.id), NEW.id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.id), NEW.id));
  DELETE FROM member_views WHERE member_id = coalesce(OLD.merged_into_member_id, OLD.id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce(OLD.merged_into_member_id, OLD.id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_member_delete AFTER DELETE ON members
BEGIN
  DELETE FROM member_views WHERE member_id = coalesce(OLD.merged_into_member_id, OLD.id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce(OLD.merged_into_member_id, OLD.id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_insert AFTER INSERT ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = NEW.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_update AFTER UPDATE ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = OLD.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id));
  DELETE FROM member_views WHERE member_id = NEW.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contact_delete AFTER DELETE ON member_contacts
BEGIN
  DELETE FROM member_views WHERE member_id = OLD.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_insert AFTER INSERT ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = NEW.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_update AFTER UPDATE ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = OLD.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id));
  DELETE FROM member_views WHERE member_id = NEW.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = NEW.member_id), NEW.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_card_delete AFTER DELETE ON member_kpj
BEGIN
  DELETE FROM member_views WHERE member_id = OLD.member_id OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = OLD.member_id), OLD.member_id));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_insert AFTER INSERT ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_update AFTER UPDATE ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_participation_delete AFTER DELETE ON participations
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contribution_insert AFTER INSERT ON contributions
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contribution_update AFTER UPDATE OF kpj, period, jht_employee, jht_employer, paid_at ON contributions
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_contribution_delete AFTER DELETE ON contributions
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_transfer_insert AFTER INSERT ON jht_transfers
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_transfer_update AFTER UPDATE ON jht_transfers
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.from_kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.to_kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_transfer_delete AFTER DELETE ON jht_transfers
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.from_kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.to_kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_claim_insert AFTER INSERT ON jht_claims
WHEN NEW.state = 'paid'
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_claim_update AFTER UPDATE ON jht_claims
WHEN OLD.state = 'paid' OR NEW.state = 'paid'
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = NEW.kpj)));
END;
--> statement-breakpoint
CREATE TRIGGER member_views_claim_delete AFTER DELETE ON jht_claims
WHEN OLD.state = 'paid'
BEGIN
  DELETE FROM member_views WHERE member_id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj) OR member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)) OR member_id IN (SELECT id FROM members WHERE merged_into_member_id = coalesce((SELECT merged_into_member_id FROM members WHERE id = (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)), (SELECT member_id FROM member_kpj WHERE kpj = OLD.kpj)));
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
