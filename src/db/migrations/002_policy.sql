-- Policy parameters a bureau sets where a seed only refers to an amount (SPEC §4.4), effective-dated and
-- sourced; and the working-day calendar (holidays and make-up working days) that admins can extend.

CREATE TABLE policy_parameter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pack text NOT NULL,
  key text NOT NULL,
  program_type text,
  occupation text,
  level smallint CHECK (level IS NULL OR level BETWEEN 1 AND 5),
  certificate_type text,
  value bigint NOT NULL CHECK (value >= 0),
  effective_from date NOT NULL,
  effective_to date,
  source_document text NOT NULL,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX policy_parameter_pack ON policy_parameter (pack, key);

CREATE TABLE calendar_day (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL,
  source text NOT NULL
);

-- The years the calendar data covers: a date outside them is refused, never guessed.
CREATE TABLE calendar_year (
  year integer PRIMARY KEY,
  source text NOT NULL
);
