CREATE TABLE `membership_checks` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`due_on` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `membership_checks_due_on` ON `membership_checks` (`due_on`);--> statement-breakpoint
CREATE TABLE `missing_contribution_scans` (
	`period` text PRIMARY KEY NOT NULL,
	`after_participation_id` integer NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
INSERT INTO membership_checks (member_id, due_on)
SELECT DISTINCT coalesce(m.merged_into_member_id, m.id), '0000-01-01'
FROM participations p JOIN member_kpj k ON k.kpj = p.kpj JOIN members m ON m.id = k.member_id
WHERE true ON CONFLICT (member_id) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER membership_checks_participation_insert AFTER INSERT ON participations
BEGIN
  INSERT INTO membership_checks (member_id, due_on)
  SELECT coalesce(m.merged_into_member_id, m.id), '0000-01-01' FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = NEW.kpj
  ON CONFLICT (member_id) DO UPDATE SET due_on = excluded.due_on WHERE due_on <> excluded.due_on;
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_participation_update AFTER UPDATE ON participations
BEGIN
  INSERT INTO membership_checks (member_id, due_on)
  SELECT coalesce(m.merged_into_member_id, m.id), '0000-01-01' FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj IN (OLD.kpj, NEW.kpj)
  ON CONFLICT (member_id) DO UPDATE SET due_on = excluded.due_on WHERE due_on <> excluded.due_on;
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_participation_delete AFTER DELETE ON participations
BEGIN
  UPDATE membership_checks SET due_on = '0000-01-01'
  WHERE member_id = (SELECT coalesce(m.merged_into_member_id, m.id) FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = OLD.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_card_insert AFTER INSERT ON member_kpj
WHEN EXISTS (SELECT 1 FROM participations p WHERE p.kpj = NEW.kpj)
BEGIN
  INSERT INTO membership_checks (member_id, due_on)
  SELECT coalesce(merged_into_member_id, id), '0000-01-01' FROM members WHERE id = NEW.member_id
  ON CONFLICT (member_id) DO UPDATE SET due_on = excluded.due_on WHERE due_on <> excluded.due_on;
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_card_update AFTER UPDATE ON member_kpj
WHEN EXISTS (SELECT 1 FROM participations p WHERE p.kpj IN (OLD.kpj, NEW.kpj))
BEGIN
  INSERT INTO membership_checks (member_id, due_on)
  SELECT coalesce(merged_into_member_id, id), '0000-01-01' FROM members WHERE id IN (OLD.member_id, NEW.member_id)
  ON CONFLICT (member_id) DO UPDATE SET due_on = excluded.due_on WHERE due_on <> excluded.due_on;
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_card_delete AFTER DELETE ON member_kpj
WHEN EXISTS (SELECT 1 FROM participations p WHERE p.kpj = OLD.kpj)
BEGIN
  UPDATE membership_checks SET due_on = '0000-01-01'
  WHERE member_id = (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = OLD.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_birth_date AFTER UPDATE OF birth_date ON members
WHEN OLD.birth_date IS NOT NEW.birth_date
BEGIN
  UPDATE membership_checks SET due_on = '0000-01-01' WHERE member_id = coalesce(NEW.merged_into_member_id, NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER membership_checks_merge AFTER UPDATE OF merged_into_member_id ON members
WHEN OLD.merged_into_member_id IS NOT NEW.merged_into_member_id
BEGIN
  UPDATE membership_checks SET due_on = '0000-01-01'
  WHERE member_id IN (NEW.id, OLD.merged_into_member_id, NEW.merged_into_member_id);
END;
