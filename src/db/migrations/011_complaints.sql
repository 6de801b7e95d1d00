-- 投诉举报 (heze 第二十三条: 畅通社会监督渠道，及时受理投诉举报，处理应遵守保密规定，依法保护举报人合法权益).
-- The complainant's name and phone are kept apart from the complaint so that every read of them is a deliberate
-- one: only the officer the complaint is assigned to sees them (src/complaint/complaint.ts).
CREATE TABLE complaint (
  city_code char(6) NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tracking_code text NOT NULL UNIQUE,
  region_code char(6) NOT NULL,
  institution_id uuid REFERENCES institution (id),
  category text NOT NULL,
  content text NOT NULL,
  state text NOT NULL,
  assignee_id uuid REFERENCES account (id),
  due_on date,
  outcome text,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (city_code, id)
);
CREATE INDEX complaint_list ON complaint (city_code, received_at DESC, id);
CREATE INDEX complaint_region ON complaint (region_code, received_at DESC, id);

CREATE TABLE complaint_identity (
  city_code char(6) NOT NULL,
  complaint_id uuid NOT NULL,
  name text,
  phone text,
  PRIMARY KEY (city_code, complaint_id),
  FOREIGN KEY (city_code, complaint_id) REFERENCES complaint (city_code, id)
);
