-- Does the central fact table exist yet (built by 'cqd-patterns build')?
SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'marts' AND table_name = 'setup_attempts'
