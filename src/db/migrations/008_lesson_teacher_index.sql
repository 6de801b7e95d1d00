-- An institution save keeps teachers that lessons name; this finds those lessons without a scan.
CREATE INDEX lesson_teacher ON lesson (teacher_id);
