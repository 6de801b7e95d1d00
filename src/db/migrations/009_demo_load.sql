-- A demo load is many transactions (the cohorts go through the workflow step by step). Its first transaction
-- writes the demo_clock row with loaded_at unset and its last one sets it: a store whose demo load was cut
-- short (killed, failed) says so, and the next start loads it again instead of serving half the data.
ALTER TABLE demo_clock ADD COLUMN loaded_at timestamptz;
UPDATE demo_clock SET loaded_at = updated_at;
