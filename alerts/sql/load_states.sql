select state_json from alerts.state order by rule, fingerprint;
