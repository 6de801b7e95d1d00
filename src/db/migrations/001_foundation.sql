-- Foundation: regions, catalogue, institutions and other organisations, persons, accounts, sessions, audit.
-- Keys (SPEC §6.1): tables that grow with trainees carry city_code and include it in their keys; the ones
-- here are catalogues or registries that Citus would replicate or distribute by city_code.

CREATE TABLE region (
  code char(6) PRIMARY KEY,
  name text NOT NULL,
  parent_code char(6),
  level text NOT NULL CHECK (level IN ('province', 'city', 'county'))
);
CREATE INDEX region_parent ON region (parent_code);

CREATE TABLE occupation (
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('occupation', 'special_ability', 'special_operation', 'special_equipment')),
  levels smallint[] NOT NULL DEFAULT '{}'
);

-- The city's 培训项目目录 marks (heze art. 5: 急需紧缺).
CREATE TABLE city_occupation_mark (
  city_code char(6) NOT NULL REFERENCES region (code),
  occupation_code text NOT NULL REFERENCES occupation (code),
  urgent boolean NOT NULL DEFAULT false,
  shortage boolean NOT NULL DEFAULT false,
  PRIMARY KEY (city_code, occupation_code)
);

CREATE TABLE institution (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code char(6) NOT NULL REFERENCES region (code),
  region_code char(6) NOT NULL REFERENCES region (code),
  name text NOT NULL,
  kind text NOT NULL,
  credit_code text NOT NULL UNIQUE,
  licence_no text NOT NULL,
  licence_valid_until date,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  address text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'listed', 'rectifying', 'suspended', 'removed')),
  contract_start date,
  contract_end date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX institution_city ON institution (city_code, region_code);

CREATE TABLE institution_venue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('theory', 'practical')),
  area_m2 integer NOT NULL CHECK (area_m2 > 0)
);
CREATE INDEX institution_venue_inst ON institution_venue (institution_id);

CREATE TABLE institution_equipment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0)
);
CREATE INDEX institution_equipment_inst ON institution_equipment (institution_id);

-- Licensed occupations and levels; level 0 stands for an occupation without levels (专项职业能力).
CREATE TABLE institution_occupation (
  institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  occupation_code text NOT NULL REFERENCES occupation (code),
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
  PRIMARY KEY (institution_id, occupation_code, level)
);

CREATE TABLE teacher (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  name text NOT NULL,
  id_number char(18) NOT NULL,
  qualification text NOT NULL,
  certificate_no text NOT NULL DEFAULT '',
  UNIQUE (institution_id, id_number)
);

CREATE TABLE evaluator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code char(6) NOT NULL REFERENCES region (code),
  region_code char(6) NOT NULL REFERENCES region (code),
  name text NOT NULL,
  credit_code text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'listed' CHECK (status IN ('applied', 'listed', 'rectifying', 'suspended', 'removed')),
  created_at timestamptz NOT NULL
);

CREATE TABLE evaluator_filing (
  evaluator_id uuid NOT NULL REFERENCES evaluator (id) ON DELETE CASCADE,
  occupation_code text NOT NULL REFERENCES occupation (code),
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
  PRIMARY KEY (evaluator_id, occupation_code, level)
);

CREATE TABLE enterprise (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code char(6) NOT NULL REFERENCES region (code),
  region_code char(6) NOT NULL REFERENCES region (code),
  name text NOT NULL,
  credit_code text NOT NULL UNIQUE,
  has_training_capacity boolean NOT NULL,
  delegate_institution_id uuid REFERENCES institution (id),
  -- the institution's share of the subsidy under the delegation agreement (suihua art. 3), exact
  split_num integer,
  split_den integer CHECK (split_den IS NULL OR split_den > 0),
  created_at timestamptz NOT NULL
);

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_number char(18) NOT NULL UNIQUE,
  name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date date NOT NULL,
  phone text,
  household_region_code char(6),
  -- where the person is registered in this system: the bureau of this county/city sees them
  region_code char(6) NOT NULL REFERENCES region (code),
  city_code char(6) NOT NULL REFERENCES region (code),
  education text,
  groups text[] NOT NULL DEFAULT '{}',
  employment_status text NOT NULL DEFAULT 'none' CHECK (employment_status IN ('employed', 'unemployed', 'none')),
  employment_card_no text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX person_scope ON person (city_code, region_code);
CREATE INDEX person_name ON person (name);

-- Institutions that registered or enrolled a person may see them (data scope).
CREATE TABLE person_institution (
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  PRIMARY KEY (institution_id, person_id)
);

-- The local identity-check adapter's data: what social insurance, pension and household systems would say.
CREATE TABLE identity_fixture (
  id_number char(18) PRIMARY KEY,
  draws_monthly_pension boolean NOT NULL DEFAULT false,
  social_insurance_employer text,
  household_region_code char(6)
);

CREATE TABLE account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('city_admin', 'county_admin', 'reviewer', 'finance', 'inspector',
    'institution', 'evaluator', 'enterprise', 'trainee')),
  display_name text NOT NULL,
  region_code char(6) NOT NULL REFERENCES region (code),
  institution_id uuid REFERENCES institution (id),
  evaluator_id uuid REFERENCES evaluator (id),
  enterprise_id uuid REFERENCES enterprise (id),
  person_id uuid REFERENCES person (id),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE session (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_account ON session (account_id);

-- Append-only, hash-chained (SPEC §6.3). audit_head remembers the tip so that removing the newest entries shows.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

CREATE TABLE audit_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'genesis');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
