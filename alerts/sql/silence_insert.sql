insert into alerts.silences (silence_id, matchers, starts_at, ends_at, created_by, comment, created_at)
values ($id, $matchers, $starts_at::timestamptz, $ends_at::timestamptz, $created_by, $comment, $now::timestamptz);
