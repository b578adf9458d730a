/**
 * The CQD dimensions and measures a query-editor CSV export may carry that this importer maps into
 * raw.cqd_rows (transform/sql/migrations/010_cqd_rows.sql). A CQD export has whatever columns the analyst
 * chose; only these are imported, the others are ignored (and named in the log).
 *
 * Names are the CQD dimension/measure names as listed in MicrosoftDocs/OfficeDocs-SkypeForBusiness
 * Teams/dimensions-and-measures-available-in-call-quality-dashboard.md and the CQD data API names
 * (`AllStreams.<name>`, `Measures.<name>`; the prefix is accepted and ignored). Matching ignores case and
 * repeated spaces. EUII dimensions (UPN, IP address, phone number) are pseudonymised; the IP also keeps
 * its /28 or /64 network (ingest/rows/ipPrefix.ts).
 */
import type { AppendType } from '../../core/db.js';
import type { EuiiKind } from '../pseudonymizer.js';

export type CqdConv = 'text' | 'lower' | 'int' | 'bigint' | 'num' | 'time';

export interface CqdColumn {
  /** CQD name. */
  cqd: string;
  /** raw.cqd_rows column. */
  column: string;
  conv: CqdConv;
  /** Pseudonymise as this kind (the column then holds the pseudonym). */
  euii?: EuiiKind;
  /** Also store the IP's network prefix in this column. */
  prefixColumn?: string;
}

const pair = (name: string, col: string, conv: CqdConv = 'text', euii?: EuiiKind): CqdColumn[] => [
  { cqd: `First ${name}`, column: `first_${col}`, conv, ...(euii ? { euii } : {}) },
  { cqd: `Second ${name}`, column: `second_${col}`, conv, ...(euii ? { euii } : {}) },
];

export const CQD_DIMENSIONS: readonly CqdColumn[] = [
  { cqd: 'Start Time', column: 'start_ts', conv: 'time' },
  { cqd: 'End Time', column: 'end_ts', conv: 'time' },
  { cqd: 'Date', column: 'cqd_date', conv: 'text' },
  { cqd: 'Media Type', column: 'media_type', conv: 'text' },
  { cqd: 'Stream Direction', column: 'stream_direction', conv: 'text' },
  { cqd: 'Call Classification', column: 'call_classification', conv: 'text' },
  { cqd: 'Classification Reason', column: 'classification_reason', conv: 'text' },
  { cqd: 'Media Failure Type', column: 'media_failure_type', conv: 'text' },
  { cqd: 'Transport', column: 'transport', conv: 'text' },
  ...pair('UPN', 'user_p', 'text', 'upn'),
  ...pair('Subnet', 'subnet'),
  { cqd: 'First IP Address', column: 'first_ip_p', conv: 'text', euii: 'ip', prefixColumn: 'first_ip_prefix' },
  { cqd: 'Second IP Address', column: 'second_ip_p', conv: 'text', euii: 'ip', prefixColumn: 'second_ip_prefix' },
  ...pair('Building Name', 'building_name'),
  ...pair('Network Name', 'network_name'),
  ...pair('Inside Corp', 'inside_corp'),
  ...pair('Client App Version', 'client_app_version'),
  ...pair('User Agent Category', 'user_agent_category'),
  ...pair('Connectivity Ice', 'connectivity_ice'),
  ...pair('VPN', 'vpn'),
  ...pair('Phone Number', 'phone_p', 'text', 'phone'),
  ...pair('PSTN Country Region', 'pstn_country_region'),
  { cqd: 'PSTN Trunk FQDN', column: 'pstn_trunk_fqdn', conv: 'lower' },
  { cqd: 'PSTN Carrier Name', column: 'pstn_carrier_name', conv: 'text' },
  { cqd: 'PSTN Call Type', column: 'pstn_call_type', conv: 'text' },
  { cqd: 'PSTN Connectivity Type', column: 'pstn_connectivity_type', conv: 'text' },
  { cqd: 'PSTN Call End Reason', column: 'pstn_call_end_reason', conv: 'int' },
  { cqd: 'PSTN Call End Sub Reason', column: 'pstn_call_end_sub_reason', conv: 'bigint' },
  { cqd: 'PSTN Final SIP Code Phrase', column: 'pstn_final_sip_code_phrase', conv: 'text' },
  { cqd: 'PSTN Event Type', column: 'pstn_event_type', conv: 'text' },
  { cqd: 'PSTN MP Location', column: 'pstn_mp_location', conv: 'text' },
];

export const CQD_MEASURES: readonly CqdColumn[] = [
  { cqd: 'Total Call Count', column: 'total_call_count', conv: 'bigint' },
  { cqd: 'Total Stream Count', column: 'total_stream_count', conv: 'bigint' },
  { cqd: 'Total Call Setup Failed Stream Count', column: 'call_setup_failed_stream_count', conv: 'bigint' },
  { cqd: 'Total Call Dropped Stream Count', column: 'call_dropped_stream_count', conv: 'bigint' },
  { cqd: 'Total Media Failed Stream Count', column: 'media_failed_stream_count', conv: 'bigint' },
  { cqd: 'Avg Packet Loss Rate', column: 'avg_packet_loss_rate', conv: 'num' },
  { cqd: 'Avg Jitter', column: 'avg_jitter', conv: 'num' },
];

const TYPE: Record<CqdConv, AppendType> = { text: 'VARCHAR', lower: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', num: 'DOUBLE', time: 'TIMESTAMPTZ' };

/** raw.cqd_rows, in table order: key, mapped dimensions (+ IP prefixes), measures, provenance. */
export const CQD_TABLE: readonly (readonly [string, AppendType])[] = [
  ['row_hash', 'VARCHAR'],
  ['source_file', 'VARCHAR'],
  ['line', 'INTEGER'],
  ...CQD_DIMENSIONS.flatMap((d): [string, AppendType][] => [
    [d.column, d.euii ? 'VARCHAR' : TYPE[d.conv]],
    ...(d.prefixColumn ? [[d.prefixColumn, 'VARCHAR'] as [string, AppendType]] : []),
  ]),
  ...CQD_MEASURES.map((m): [string, AppendType] => [m.column, TYPE[m.conv]]),
  ['run_id', 'VARCHAR'],
  ['ingested_at', 'TIMESTAMPTZ'],
];

/** A CQD header name without the data-API prefix, normalised for matching. */
export function cqdKey(name: string): string {
  return name.trim().replace(/^(AllStreams|Measures)\./i, '').toLowerCase().replace(/\s+/g, ' ');
}
