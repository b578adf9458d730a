/**
 * Column order and types of the raw tables (transform/sql/migrations/002_raw.sql): the names mappers give
 * their row objects and the types read_json loads them as (rawLines.ts). A test checks this against the
 * database's own catalog.
 */
import type { AppendType, SqlParam } from '../../core/db.js';

export type ColumnSpec = readonly (readonly [name: string, type: AppendType])[];

const V = 'VARCHAR';
const T = 'TIMESTAMPTZ';
const I = 'INTEGER';
const B = 'BOOLEAN';
const D = 'DOUBLE';
const L = 'BIGINT';

const endpoint = (side: 'caller' | 'callee') =>
  [
    [`${side}_kind`, V], [`${side}_user_p`, V], [`${side}_device_p`, V], [`${side}_platform`, V],
    [`${side}_product_family`, V], [`${side}_app_version`, V], [`${side}_header`, V], [`${side}_app_id`, V],
    [`${side}_role`, V], [`${side}_subnet`, V], [`${side}_ip_p`, V], [`${side}_ip_prefix`, V], [`${side}_connection`, V],
  ] as const;

export const RAW_TABLES = {
  call_records: [
    ['id', V], ['version', L], ['type', V], ['modalities', V], ['start_ts', T], ['end_ts', T], ['last_modified_ts', T],
    ['organizer_p', V], ['session_count', I], ['source', V], ['run_id', V], ['ingested_at', T],
  ],
  call_sessions: [
    ['call_record_id', V], ['session_id', V], ['start_ts', T], ['end_ts', T], ['modalities', V], ['is_test', B],
    ['failure_stage', V], ['failure_reason', V], ...endpoint('caller'), ...endpoint('callee'),
    ['callee_phone_p', V], ['callee_phone_country', V],
  ],
  direct_routing_calls: [
    ['id', V], ['correlation_id', V], ['user_p', V], ['user_id_p', V], ['display_name_p', V], ['start_ts', T],
    ['invite_ts', T], ['failure_ts', T], ['end_ts', T], ['duration_s', I], ['call_type', V], ['successful_call', B],
    ['caller_number_p', V], ['callee_number_p', V], ['caller_country', V], ['callee_country', V], ['number_masked', B],
    ['media_path_location', V], ['signaling_location', V], ['final_sip_code', I], ['call_end_sub_reason', L],
    ['final_sip_code_phrase', V], ['trunk_fqdn', V], ['media_bypass_enabled', B], ['source', V], ['run_id', V], ['ingested_at', T],
  ],
  pstn_calls: [
    ['id', V], ['call_id', V], ['user_p', V], ['user_id_p', V], ['display_name_p', V], ['start_ts', T], ['end_ts', T],
    ['duration_s', I], ['call_type', V], ['caller_number_p', V], ['callee_number_p', V], ['caller_country', V],
    ['callee_country', V], ['number_masked', B], ['charge', D], ['connection_charge', D], ['currency', V],
    ['destination_context', V], ['destination_name', V], ['conference_id', V], ['license_capability', V],
    ['inventory_type', V], ['operator', V], ['call_duration_source', V], ['tenant_country_code', V],
    ['usage_country_code', V], ['source', V], ['run_id', V], ['ingested_at', T],
  ],
  sign_ins: [
    ['id', V], ['created_ts', T], ['user_p', V], ['user_id_p', V], ['app_id', V], ['app_display_name', V],
    ['client_app_used', V], ['is_interactive', B], ['event_type', V], ['error_code', I], ['failure_reason', V],
    ['conditional_access_status', V], ['ip_p', V], ['ip_prefix', V], ['device_os', V], ['device_browser', V],
    ['device_name_p', V], ['location_country', V], ['source', V], ['run_id', V], ['ingested_at', T],
  ],
} as const satisfies Record<string, ColumnSpec>;

export type RawTable = keyof typeof RAW_TABLES;
type ColumnNames<S extends ColumnSpec> = S[number][0];
/** A raw row as a named object: every column present, null where unknown. */
export type RawRow<K extends RawTable> = { [C in ColumnNames<(typeof RAW_TABLES)[K]>]: SqlParam };
