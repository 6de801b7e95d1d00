-- A system-level role (系统管理员) for what belongs to no city, such as the national working-day calendar.
-- Its accounts sit at the country, a region above every province; it sees no city's personal data.
ALTER TABLE region DROP CONSTRAINT region_level_check;
ALTER TABLE region ADD CONSTRAINT region_level_check CHECK (level IN ('country', 'province', 'city', 'county'));
INSERT INTO region (code, name, parent_code, level) VALUES ('000000', '全国', NULL, 'country') ON CONFLICT (code) DO NOTHING;

ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('city_admin', 'county_admin', 'reviewer', 'finance', 'inspector',
  'institution', 'evaluator', 'enterprise', 'trainee', 'system_admin'));
