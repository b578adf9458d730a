-- Buildings and their networks as integer ranges (sites/).
CREATE SCHEMA IF NOT EXISTS sites;
