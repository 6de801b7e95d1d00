-- Certificate numbers name one certificate everywhere (SPEC §4.6). Suihua keeps 第五条(五)'s 16 characters
-- (prefix + 12 + 2-digit county + YY + 6-digit seq); every other city writes the full 6-digit county code
-- (prefix + county + YY + seq, 18 characters). Numbers issued before this migration in the Suihua format
-- outside Suihua are renumbered in place: same prefix, year and sequence, the county code written in full.

ALTER TABLE certificate ADD COLUMN region_code char(6);
UPDATE certificate cert SET region_code = c.region_code FROM cohort c WHERE c.city_code = cert.city_code AND c.id = cert.cohort_id;
ALTER TABLE certificate ALTER COLUMN region_code SET NOT NULL;
UPDATE certificate SET number = substr(number, 1, 4) || region_code || substr(number, 9)
 WHERE city_code <> '231200' AND length(number) = 16;

-- The number is made of its county, year and sequence (a CHECK the database enforces), and the sequence is
-- unique per county and year: together no two certificates share a number, in any city. A unique index on the
-- number alone could not be distributed by city; this one can.
ALTER TABLE certificate ADD CONSTRAINT certificate_number_format CHECK (
  number ~ '^(JNPX|GQPX|ZGPX)'
  AND substr(number, length(number) - 7) = lpad((year % 100)::text, 2, '0') || lpad(seq::text, 6, '0')
  AND CASE WHEN city_code = '231200' THEN length(number) = 16 AND substr(number, 5, 4) = '12' || substr(region_code, 5, 2)
           ELSE length(number) = 18 AND substr(number, 5, 6) = region_code END
);
ALTER TABLE certificate ADD CONSTRAINT certificate_sequence_unique UNIQUE (city_code, region_code, year, seq);

-- One counter per county and year (was: per city and the county's last two digits).
CREATE TABLE certificate_sequence (
  city_code char(6) NOT NULL,
  region_code char(6) NOT NULL,
  year smallint NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (city_code, region_code, year)
);
INSERT INTO certificate_sequence (city_code, region_code, year, last_seq)
SELECT city_code, region_code, year, max(seq) FROM certificate GROUP BY city_code, region_code, year;
DROP TABLE certificate_counter;

-- The demo's own clock (see src/demo/clock.ts): a row only the demo loader writes, so it exists in demo
-- stores only; the app reads it only when served with --demo.
CREATE TABLE demo_clock (
  id smallint PRIMARY KEY CHECK (id = 1),
  offset_days integer NOT NULL CHECK (offset_days >= 0),
  updated_at timestamptz NOT NULL
);
