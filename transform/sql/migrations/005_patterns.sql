-- Pattern engine runs and clusters (transform/patterns/).
CREATE SCHEMA IF NOT EXISTS patterns;
