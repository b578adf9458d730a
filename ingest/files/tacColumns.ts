/**
 * Column layouts of the Teams admin center PSTN usage report exports ("Export to Excel" → zip with
 * PSTN.calls.[UTC date].csv and DirectRouting.calls.[UTC date].csv; RFC 4180, header row, ISO 8601 UTC
 * dates). Names as documented in MicrosoftDocs/OfficeDocs-SkypeForBusiness
 * Teams/teams-analytics-and-reports/pstn-usage-report.md, "Exported PSTN usage report" (columns 0–19)
 * and "Exported Direct Routing usage report" (columns 0–21). Each column maps to the property of the
 * Graph row (pstnCallLogRow / directRoutingLogRow) with the same documented meaning; `null` = kept out
 * (no raw column for it).
 */

export type TacKind = 'directRoutingCalls' | 'pstnCalls';
/** How a CSV text becomes the Graph property's type (validated afterwards by the Graph schema). */
export type Conv = 'text' | 'int' | 'num' | 'yesNo';

export interface TacColumn {
  csv: string;
  graph: string | null;
  conv: Conv;
}

export const DR_COLUMNS: readonly TacColumn[] = [
  { csv: 'CorrelationId', graph: 'correlationId', conv: 'text' },
  { csv: 'AAD ObjectId', graph: 'userId', conv: 'text' },
  { csv: 'UPN', graph: 'userPrincipalName', conv: 'text' },
  { csv: 'Display Name', graph: 'userDisplayName', conv: 'text' },
  { csv: 'User country', graph: null, conv: 'text' },
  { csv: 'Invite time', graph: 'inviteDateTime', conv: 'text' },
  { csv: 'Start time', graph: 'startDateTime', conv: 'text' },
  { csv: 'Failure time', graph: 'failureDateTime', conv: 'text' },
  { csv: 'End time', graph: 'endDateTime', conv: 'text' },
  { csv: 'Duration (seconds)', graph: 'duration', conv: 'int' },
  { csv: 'Success', graph: 'successfulCall', conv: 'yesNo' },
  { csv: 'Caller Number', graph: 'callerNumber', conv: 'text' },
  { csv: 'Callee Number', graph: 'calleeNumber', conv: 'text' },
  { csv: 'Call type', graph: 'callType', conv: 'text' },
  { csv: 'Azure region for Media', graph: 'mediaPathLocation', conv: 'text' },
  { csv: 'Azure region for Signaling', graph: 'signalingLocation', conv: 'text' },
  { csv: 'Final SIP code', graph: 'finalSipCode', conv: 'int' },
  { csv: 'Final Microsoft subcode', graph: 'callEndSubReason', conv: 'int' },
  { csv: 'Final SIP Phrase', graph: 'finalSipCodePhrase', conv: 'text' },
  { csv: 'SBC FQDN', graph: 'trunkFullyQualifiedDomainName', conv: 'text' },
  { csv: 'Media bypass', graph: 'mediaBypassEnabled', conv: 'yesNo' },
  { csv: 'Shared correlation ID', graph: null, conv: 'text' },
];

export const PSTN_COLUMNS: readonly TacColumn[] = [
  { csv: 'UsageId', graph: 'id', conv: 'text' },
  { csv: 'Call ID', graph: 'callId', conv: 'text' },
  { csv: 'Conference ID', graph: 'conferenceId', conv: 'text' },
  { csv: 'User Location', graph: 'usageCountryCode', conv: 'text' },
  { csv: 'AAD ObjectId', graph: 'userId', conv: 'text' },
  { csv: 'UPN', graph: 'userPrincipalName', conv: 'text' },
  { csv: 'User Display Name', graph: 'userDisplayName', conv: 'text' },
  { csv: 'Caller ID', graph: 'callerNumber', conv: 'text' },
  { csv: 'Call Type', graph: 'callType', conv: 'text' },
  { csv: 'Number Type', graph: 'inventoryType', conv: 'text' },
  { csv: 'Domestic/International', graph: 'destinationContext', conv: 'text' },
  { csv: 'Destination Dialed', graph: 'destinationName', conv: 'text' },
  { csv: 'Destination Number', graph: 'calleeNumber', conv: 'text' },
  { csv: 'Start Time', graph: 'startDateTime', conv: 'text' },
  { csv: 'End Time', graph: 'endDateTime', conv: 'text' },
  { csv: 'Duration Seconds', graph: 'duration', conv: 'int' },
  { csv: 'Connection Fee', graph: 'connectionCharge', conv: 'num' },
  { csv: 'Charge', graph: 'charge', conv: 'num' },
  { csv: 'Currency', graph: 'currency', conv: 'text' },
  { csv: 'Capability', graph: 'licenseCapability', conv: 'text' },
];

/** Columns whose presence identifies each export (the other documented columns are optional). */
export const SIGNATURE: Record<TacKind, readonly string[]> = {
  directRoutingCalls: ['CorrelationId', 'Start time', 'Final SIP code', 'Final Microsoft subcode', 'SBC FQDN'],
  pstnCalls: ['UsageId', 'Start Time', 'Destination Number', 'Charge', 'Capability'],
};

export const COLUMNS: Record<TacKind, readonly TacColumn[]> = { directRoutingCalls: DR_COLUMNS, pstnCalls: PSTN_COLUMNS };
