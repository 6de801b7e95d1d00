-- One audit chain per city (SPEC §6.1, §6.3): every change of a city queues on its own head row, and the log can be
-- distributed by city_code. Entry hashes are keyed (HMAC with a key kept outside the database, see src/audit/keys.ts),
-- and signed checkpoints of every head are kept outside the database, so that even a superuser cannot rewrite,
-- truncate or extend the log unseen. Entries written before this migration stay in the system chain '000000' as
-- legacy entries hashed without a key (`keyed = false`).
ALTER TABLE audit_log ADD COLUMN city_code char(6) NOT NULL DEFAULT '000000';
ALTER TABLE audit_log ADD COLUMN keyed boolean NOT NULL DEFAULT false;
ALTER TABLE audit_log ALTER COLUMN city_code DROP DEFAULT;
ALTER TABLE audit_log ALTER COLUMN keyed SET DEFAULT true;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (city_code, seq);
CREATE INDEX audit_log_at ON audit_log (at DESC);

CREATE TABLE audit_chain_head (
  city_code char(6) PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (city_code, seq, hash) SELECT '000000', seq, hash FROM audit_head WHERE seq > 0;
DROP TABLE audit_head;

-- TRUNCATE fires no row trigger: a statement trigger refuses it. Heads only move forward, one entry at a time.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (the append's upsert rewrites the row unchanged to lock it)
  IF TG_OP <> 'UPDATE' OR NEW.city_code <> OLD.city_code
     OR NOT (NEW.seq = OLD.seq + 1 OR (NEW.seq = OLD.seq AND NEW.hash = OLD.hash)) THEN
    RAISE EXCEPTION 'audit_chain_head only moves forward';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
