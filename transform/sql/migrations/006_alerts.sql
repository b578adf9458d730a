-- Alert rule state, outbox, history, silences (alerts/).
CREATE SCHEMA IF NOT EXISTS alerts;
