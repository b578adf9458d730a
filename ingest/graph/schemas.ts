/**
 * Microsoft Graph shapes, field for field as documented (see shared reference: teams-data-model.md).
 * Validated once where pages enter (ingest) and used as the generator's output types (demo).
 * Unknown properties pass through; documented enums are enforced (an unknown value is quarantined).
 */
import { z } from 'zod';

const str = z.string();
const optStr = z.string().nullish();
const dateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not an ISO 8601 date-time' });
const optDateTime = dateTime.nullish();

export const callTypeEnum = z.enum(['unknown', 'groupCall', 'peerToPeer', 'unknownFutureValue']);
export const modalityEnum = z.enum(['unknown', 'audio', 'video', 'videoBasedScreenSharing', 'data', 'screenSharing', 'unknownFutureValue']);
export const clientPlatformEnum = z.enum([
  'unknown', 'windows', 'macOS', 'iOS', 'android', 'web', 'ipPhone', 'roomSystem', 'surfaceHub', 'holoLens', 'unknownFutureValue',
]);
export const productFamilyEnum = z.enum(['unknown', 'teams', 'skypeForBusiness', 'lync', 'unknownFutureValue', 'azureCommunicationServices']);
export const failureStageEnum = z.enum(['unknown', 'callSetup', 'midcall', 'unknownFutureValue']);
export const connectionTypeEnum = z.enum(['unknown', 'wired', 'wifi', 'mobile', 'tunnel', 'unknownFutureValue']);
export const serviceRoleEnum = z.enum([
  'unknown', 'customBot', 'skypeForBusinessMicrosoftTeamsGateway', 'skypeForBusinessAudioVideoMcu',
  'skypeForBusinessApplicationSharingMcu', 'skypeForBusinessCallQueues', 'skypeForBusinessAutoAttendant', 'mediationServer',
  'mediationServerCloudConnectorEdition', 'exchangeUnifiedMessagingService', 'mediaController', 'conferencingAnnouncementService',
  'conferencingAttendant', 'audioTeleconferencerController', 'skypeForBusinessUnifiedCommunicationApplicationPlatform',
  'responseGroupServiceAnnouncementService', 'gateway', 'skypeTranslator', 'skypeForBusinessAttendant', 'responseGroupService',
  'voicemail', 'unknownFutureValue',
]);

export const identitySchema = z.looseObject({ id: optStr, displayName: optStr, tenantId: optStr, userPrincipalName: optStr });
export const identitySetSchema = z.looseObject({
  user: identitySchema.nullish(),
  phone: identitySchema.nullish(),
  application: identitySchema.nullish(),
  device: identitySchema.nullish(),
});

export const userAgentSchema = z.looseObject({
  '@odata.type': optStr,
  applicationVersion: optStr,
  headerValue: optStr,
  platform: clientPlatformEnum.nullish(),
  productFamily: productFamilyEnum.nullish(),
  azureADAppId: optStr,
  communicationServiceId: optStr,
  role: serviceRoleEnum.nullish(),
});

export const endpointSchema = z.looseObject({
  '@odata.type': optStr,
  userAgent: userAgentSchema.nullish(),
  associatedIdentity: identitySchema.nullish(),
  identity: identitySetSchema.nullish(),
  name: optStr,
  cpuName: optStr,
  cpuCoresCount: z.number().int().nullish(),
  cpuProcessorSpeedInMhz: z.number().int().nullish(),
  feedback: z.unknown().optional(),
});

export const failureInfoSchema = z.looseObject({ stage: failureStageEnum.nullish(), reason: optStr });

export const networkInfoSchema = z.looseObject({
  ipAddress: optStr,
  subnet: optStr,
  reflexiveIPAddress: optStr,
  relayIPAddress: optStr,
  relayPort: z.number().int().nullish(),
  port: z.number().int().nullish(),
  connectionType: connectionTypeEnum.nullish(),
  linkSpeed: z.number().nullish(),
  macAddress: optStr,
  dnsSuffix: optStr,
});

export const mediaSchema = z.looseObject({
  label: optStr,
  callerNetwork: networkInfoSchema.nullish(),
  calleeNetwork: networkInfoSchema.nullish(),
  callerDevice: z.unknown().optional(),
  calleeDevice: z.unknown().optional(),
  streams: z.array(z.unknown()).nullish(),
});

/**
 * A segment is read for its media networks only (the session carries the times, the endpoints and the
 * failure the mapper reads), so its times, endpoints and failure info pass unchecked, like any property the mapper does not
 * read: a record is not quarantined for a value nothing uses, and a large import does not validate each
 * session's endpoints again for every segment that repeats them.
 */
export const segmentSchema = z.looseObject({
  id: str,
  startDateTime: z.unknown().optional(),
  endDateTime: z.unknown().optional(),
  caller: z.unknown().optional(),
  callee: z.unknown().optional(),
  failureInfo: z.unknown().optional(),
  media: z.array(mediaSchema).nullish(),
});

export const sessionSchema = z.looseObject({
  id: str,
  modalities: z.array(modalityEnum).nullish(),
  isTest: z.boolean().nullish(),
  startDateTime: optDateTime,
  endDateTime: optDateTime,
  caller: endpointSchema.nullish(),
  callee: endpointSchema.nullish(),
  failureInfo: failureInfoSchema.nullish(),
  segments: z.array(segmentSchema).nullish(),
});

export const callRecordSchema = z.looseObject({
  id: str.min(1),
  version: z.number().int(),
  type: callTypeEnum,
  modalities: z.array(modalityEnum),
  startDateTime: dateTime,
  endDateTime: optDateTime,
  lastModifiedDateTime: optDateTime,
  joinWebUrl: optStr,
  organizer_v2: z.looseObject({ id: optStr, identity: identitySetSchema.nullish() }).nullish(),
  sessions: z.array(sessionSchema).nullish(),
  'sessions@odata.nextLink': optStr,
});

export const directRoutingLogRowSchema = z.looseObject({
  id: str.min(1),
  correlationId: optStr,
  userId: optStr,
  userPrincipalName: optStr,
  userDisplayName: optStr,
  startDateTime: dateTime,
  inviteDateTime: optDateTime,
  failureDateTime: optDateTime,
  endDateTime: optDateTime,
  duration: z.number().int().nullish(),
  callType: optStr,
  successfulCall: z.boolean().nullish(),
  callerNumber: optStr,
  calleeNumber: optStr,
  mediaPathLocation: optStr,
  signalingLocation: optStr,
  finalSipCode: z.number().int().nullish(),
  callEndSubReason: z.number().int().nullish(),
  finalSipCodePhrase: optStr,
  trunkFullyQualifiedDomainName: optStr,
  mediaBypassEnabled: z.boolean().nullish(),
});

export const pstnCallLogRowSchema = z.looseObject({
  id: str.min(1),
  callId: optStr,
  userId: optStr,
  userPrincipalName: optStr,
  userDisplayName: optStr,
  startDateTime: dateTime,
  endDateTime: optDateTime,
  duration: z.number().int().nullish(),
  callType: optStr,
  callerNumber: optStr,
  calleeNumber: optStr,
  charge: z.number().nullish(),
  connectionCharge: z.number().nullish(),
  currency: optStr,
  destinationContext: optStr,
  destinationName: optStr,
  conferenceId: optStr,
  licenseCapability: optStr,
  inventoryType: optStr,
  operator: optStr,
  callDurationSource: z.enum(['microsoft', 'operator', 'unknownFutureValue']).nullish(),
  tenantCountryCode: optStr,
  usageCountryCode: optStr,
});

export const signInSchema = z.looseObject({
  id: str.min(1),
  createdDateTime: dateTime,
  userPrincipalName: optStr,
  userId: optStr,
  userDisplayName: optStr,
  appId: optStr,
  appDisplayName: optStr,
  clientAppUsed: optStr,
  correlationId: optStr,
  ipAddress: optStr,
  isInteractive: z.boolean().nullish(),
  signInEventTypes: z.array(z.string()).nullish(),
  status: z.looseObject({ errorCode: z.number().int(), failureReason: optStr, additionalDetails: optStr }),
  conditionalAccessStatus: z.enum(['success', 'failure', 'notApplied', 'unknownFutureValue']).nullish(),
  appliedConditionalAccessPolicies: z.array(z.unknown()).nullish(),
  deviceDetail: z
    .looseObject({ deviceId: optStr, displayName: optStr, operatingSystem: optStr, browser: optStr, isCompliant: z.boolean().nullish(), isManaged: z.boolean().nullish(), trustType: optStr })
    .nullish(),
  location: z.looseObject({ city: optStr, state: optStr, countryOrRegion: optStr }).nullish(),
  resourceId: optStr,
  resourceDisplayName: optStr,
});

/** A collection page as Graph returns it. */
export const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  '@odata.nextLink': optStr,
  '@odata.count': z.number().int().nullish(),
});

export type CallRecord = z.infer<typeof callRecordSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type Endpoint = z.infer<typeof endpointSchema>;
export type NetworkInfo = z.infer<typeof networkInfoSchema>;
export type DirectRoutingLogRow = z.infer<typeof directRoutingLogRowSchema>;
export type PstnCallLogRow = z.infer<typeof pstnCallLogRowSchema>;
export type SignIn = z.infer<typeof signInSchema>;
export type GraphPage = z.infer<typeof pageSchema>;
