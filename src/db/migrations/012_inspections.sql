-- 双随机、一公开 (suihua 第十三条): a draw records its seed and both pools exactly as drawn, so that anyone can
-- replay it (`peixun inspection replay DRAW_ID`) and get the same picks; each pick becomes an inspection whose
-- result, once published, is public (xinzhou 四(三)4) and open to the institution's written objection (四(三)5).
CREATE TABLE inspection_draw (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  seed bigint NOT NULL,
  kind text NOT NULL,
  cohort_count integer NOT NULL,
  inspectors_per_cohort integer NOT NULL,
  cohort_pool jsonb NOT NULL,
  inspector_pool jsonb NOT NULL,
  picks jsonb NOT NULL,
  drawn_by text NOT NULL,
  drawn_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id)
);
CREATE INDEX inspection_draw_list ON inspection_draw (city_code, drawn_at DESC, id);

CREATE TABLE inspection (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  draw_id uuid NOT NULL,
  cohort_id uuid NOT NULL,
  kind text NOT NULL,
  inspector_ids uuid[] NOT NULL,
  state text NOT NULL,
  approved_headcount integer,
  seen_headcount integer,
  teacher text,
  findings text,
  inspected_on date,
  recorded_by text,
  published_at timestamptz,
  objection text,
  objection_at timestamptz,
  PRIMARY KEY (city_code, id),
  FOREIGN KEY (city_code, draw_id) REFERENCES inspection_draw (city_code, id),
  FOREIGN KEY (city_code, cohort_id) REFERENCES cohort (city_code, id)
);
CREATE INDEX inspection_cohort ON inspection (city_code, cohort_id);
CREATE INDEX inspection_published ON inspection (published_at DESC, id) WHERE published_at IS NOT NULL;
