-- Cohorts and everything that grows with trainees. Each table carries the city code of its cohort and
-- includes it in its keys (SPEC §6.1), so that Citus can distribute them by city_code.

CREATE SEQUENCE voucher_number_seq;

CREATE TABLE voucher (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number text NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  occupation_code text REFERENCES occupation (code),
  state text NOT NULL CHECK (state IN ('applied', 'issued', 'bound', 'redeemed', 'written_off', 'cancelled')),
  cohort_id uuid,
  applied_at timestamptz NOT NULL,
  issued_at timestamptz,
  bound_at timestamptz,
  redeemed_at timestamptz,
  written_off_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  PRIMARY KEY (city_code, id),
  UNIQUE (city_code, number)
);
CREATE INDEX voucher_person ON voucher (person_id);
-- "one per person per training": at most one live voucher bound to a cohort for a person
CREATE UNIQUE INDEX voucher_bound_once ON voucher (city_code, cohort_id, person_id) WHERE cohort_id IS NOT NULL AND state <> 'cancelled';

CREATE TABLE cohort (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_code char(6) NOT NULL,
  institution_id uuid NOT NULL REFERENCES institution (id),
  enterprise_id uuid REFERENCES enterprise (id),
  policy text NOT NULL,
  program_type text NOT NULL,
  occupation_code text NOT NULL REFERENCES occupation (code),
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
  name text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  venue text NOT NULL DEFAULT '',
  capacity_reduction boolean NOT NULL DEFAULT false,
  pass_mark smallint NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
  state text NOT NULL DEFAULT 'draft',
  approved_headcount integer,
  advance_due_fen bigint,
  advance_explanation jsonb,
  evaluator_id uuid REFERENCES evaluator (id),
  submitted_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id),
  CHECK (end_date >= start_date)
);
CREATE INDEX cohort_state ON cohort (city_code, state);
CREATE INDEX cohort_institution ON cohort (institution_id, state);

CREATE TABLE enrolment (
  city_code char(6) NOT NULL,
  cohort_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  voucher_id uuid,
  screening jsonb,
  in_completion_roster boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, cohort_id, person_id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id) ON DELETE CASCADE
);
CREATE INDEX enrolment_person ON enrolment (person_id);

CREATE TABLE lesson (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cohort_id uuid NOT NULL,
  date date NOT NULL,
  starts_at time NOT NULL,
  ends_at time NOT NULL,
  kind text NOT NULL CHECK (kind IN ('theory', 'practical')),
  lessons smallint NOT NULL DEFAULT 1 CHECK (lessons > 0),
  teacher_id uuid REFERENCES teacher (id),
  group_size smallint,
  topic text NOT NULL DEFAULT '',
  PRIMARY KEY (city_code, id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id) ON DELETE CASCADE,
  CHECK (ends_at > starts_at)
);
CREATE INDEX lesson_cohort ON lesson (city_code, cohort_id, date);

CREATE TABLE cohort_document (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cohort_id uuid NOT NULL,
  kind text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 char(64) NOT NULL,
  -- embedded default: bytes on disk under the data folder; on PostgreSQL: in this row
  content bytea,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id) ON DELETE CASCADE
);

-- Every transition with who fired it and why (returns and rejections carry reasons).
CREATE TABLE cohort_event (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cohort_id uuid NOT NULL,
  seq integer NOT NULL, -- order within the cohort (events of one instant keep their order)
  action text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor text NOT NULL,
  role text NOT NULL,
  reason text,
  at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX cohort_event_cohort ON cohort_event (city_code, cohort_id, seq);

CREATE TABLE exam_result (
  city_code char(6) NOT NULL,
  cohort_id uuid NOT NULL,
  person_id uuid NOT NULL,
  theory_score smallint CHECK (theory_score BETWEEN 0 AND 100),
  practical_score smallint CHECK (practical_score BETWEEN 0 AND 100),
  passed boolean NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, cohort_id, person_id),
  FOREIGN KEY (city_code, cohort_id, person_id) REFERENCES enrolment (city_code, cohort_id, person_id) ON DELETE CASCADE
);

CREATE TABLE certificate (
  city_code char(6) NOT NULL,
  number text NOT NULL,
  kind text NOT NULL DEFAULT 'training' CHECK (kind IN ('training')),
  cohort_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  institution_id uuid NOT NULL REFERENCES institution (id),
  occupation_code text NOT NULL,
  level smallint NOT NULL,
  issued_on date NOT NULL,
  year smallint NOT NULL,
  seq integer NOT NULL,
  PRIMARY KEY (city_code, number),
  UNIQUE (city_code, cohort_id, person_id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id)
);

-- One counter per place and year: the row lock makes concurrent issuing take turns, so numbers never gap.
CREATE TABLE certificate_counter (
  city_code char(6) NOT NULL,
  region2 char(2) NOT NULL,
  year smallint NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (city_code, region2, year)
);

CREATE TABLE evaluation_result (
  city_code char(6) NOT NULL,
  cohort_id uuid NOT NULL,
  person_id uuid NOT NULL,
  evaluator_id uuid NOT NULL REFERENCES evaluator (id),
  occupation_code text NOT NULL,
  level smallint NOT NULL,
  passed boolean NOT NULL,
  certificate_no text,
  evaluated_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, cohort_id, person_id),
  FOREIGN KEY (city_code, cohort_id, person_id) REFERENCES enrolment (city_code, cohort_id, person_id) ON DELETE CASCADE
);

CREATE TABLE employment_proof (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cohort_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contract', 'business_licence', 'flexible')),
  employer text NOT NULL,
  employer_credit_code text,
  contract_start date,
  contract_end date,
  first_payroll_month char(7),
  latest_payroll_month char(7),
  document_sha256 char(64),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id),
  FOREIGN KEY (city_code, cohort_id, person_id) REFERENCES enrolment (city_code, cohort_id, person_id) ON DELETE CASCADE
);
CREATE INDEX employment_proof_cohort ON employment_proof (city_code, cohort_id);
