CREATE TABLE `jht_statements` (
	`kpj` text PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`valid_until` text NOT NULL,
	`statement` text NOT NULL,
	`paid_periods` text NOT NULL
);
--> statement-breakpoint
-- A stored statement is dropped in the transaction of every change to what it was computed from,
-- whoever writes (imports, merges, claim payouts, the demo seed, a repair by hand): the next read
-- computes it again from the rows (`jht/stored-statements.ts`).
CREATE TRIGGER jht_statements_contribution_insert AFTER INSERT ON contributions
BEGIN
  DELETE FROM jht_statements WHERE kpj = NEW.kpj;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_contribution_update
AFTER UPDATE OF kpj, period, jht_employee, jht_employer, paid_at ON contributions
BEGIN
  DELETE FROM jht_statements WHERE kpj IN (OLD.kpj, NEW.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_contribution_delete AFTER DELETE ON contributions
BEGIN
  DELETE FROM jht_statements WHERE kpj = OLD.kpj;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_transfer_insert AFTER INSERT ON jht_transfers
BEGIN
  DELETE FROM jht_statements WHERE kpj IN (NEW.from_kpj, NEW.to_kpj);
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_transfer_update AFTER UPDATE ON jht_transfers
BEGIN
  DELETE FROM jht_statements WHERE kpj IN (OLD.from_kpj, OLD.to_kpj, NEW.from_kpj, NEW.to_kpj);
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_transfer_delete AFTER DELETE ON jht_transfers
BEGIN
  DELETE FROM jht_statements WHERE kpj IN (OLD.from_kpj, OLD.to_kpj);
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_claim_insert AFTER INSERT ON jht_claims WHEN NEW.state = 'paid'
BEGIN
  DELETE FROM jht_statements WHERE kpj = NEW.kpj;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_claim_update AFTER UPDATE ON jht_claims
WHEN OLD.state = 'paid' OR NEW.state = 'paid'
BEGIN
  DELETE FROM jht_statements WHERE kpj IN (OLD.kpj, NEW.kpj);
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_claim_delete AFTER DELETE ON jht_claims WHEN OLD.state = 'paid'
BEGIN
  DELETE FROM jht_statements WHERE kpj = OLD.kpj;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_yield_insert AFTER INSERT ON jht_yield_rates
BEGIN
  DELETE FROM jht_statements;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_yield_update AFTER UPDATE ON jht_yield_rates
BEGIN
  DELETE FROM jht_statements;
END;
--> statement-breakpoint
CREATE TRIGGER jht_statements_yield_delete AFTER DELETE ON jht_yield_rates
BEGIN
  DELETE FROM jht_statements;
END;
