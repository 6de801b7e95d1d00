-- Check-in devices and check-ins (SPEC §4.3, §5.3). Venues get a place and a geofence; existing venues have none.
ALTER TABLE institution_venue
  ADD COLUMN lat double precision CHECK (lat BETWEEN -90 AND 90),
  ADD COLUMN lng double precision CHECK (lng BETWEEN -180 AND 180),
  ADD COLUMN geofence_radius_m integer CHECK (geofence_radius_m BETWEEN 1 AND 5000);
ALTER TABLE institution_venue ADD CONSTRAINT venue_place_whole
  CHECK ((lat IS NULL) = (lng IS NULL) AND (lat IS NULL) = (geofence_radius_m IS NULL));

-- A registered terminal or camera of one institution at one venue. Only the sha256 of its secret is kept; the
-- secret is long and random, so one hash is enough and lets a batch find its device by the hash alone.
CREATE TABLE device (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institution (id),
  venue_id uuid NOT NULL REFERENCES institution_venue (id),
  kind text NOT NULL CHECK (kind IN ('face', 'fingerprint', 'phone', 'camera')),
  name text NOT NULL,
  serial_no text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('active', 'revoked')),
  secret_hash char(64) NOT NULL UNIQUE,
  registered_by text NOT NULL,
  registered_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoke_reason text,
  PRIMARY KEY (city_code, id)
);
CREATE INDEX device_institution ON device (institution_id, registered_at);
CREATE INDEX device_venue ON device (venue_id);

-- One batch per (device, Idempotency-Key): its body's hash and the reply, answered again on a retry.
CREATE TABLE checkin_batch (
  city_code char(6) NOT NULL,
  device_id uuid NOT NULL,
  idempotency_key text NOT NULL,
  id uuid NOT NULL,
  body_sha256 char(64) NOT NULL,
  response jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, device_id, idempotency_key),
  FOREIGN KEY (city_code, device_id) REFERENCES device (city_code, id)
);

-- Every event a device sent, accepted or rejected with its reason; (device, event id) is unique for ever.
CREATE TABLE checkin (
  city_code char(6) NOT NULL,
  device_id uuid NOT NULL,
  event_id text NOT NULL,
  batch_id uuid NOT NULL,
  person_ref text NOT NULL, -- what the device sent: a person id or an ID number
  person_id uuid,
  cohort_id uuid,
  lesson_id uuid,
  captured_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  method text NOT NULL CHECK (method IN ('face', 'fingerprint', 'phone', 'voucher')),
  match_score double precision,
  lat double precision,
  lon double precision,
  status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  reason text,
  citation text NOT NULL,
  PRIMARY KEY (city_code, device_id, event_id),
  FOREIGN KEY (city_code, device_id) REFERENCES device (city_code, id),
  CHECK ((status = 'accepted') = (reason IS NULL))
);
CREATE INDEX checkin_cohort ON checkin (city_code, cohort_id, captured_at, device_id, event_id);
CREATE INDEX checkin_lesson ON checkin (city_code, lesson_id, captured_at, device_id, event_id) WHERE lesson_id IS NOT NULL;
