/** The deterministic synthetic demo tenant (test and demo asset only). */
export { generateTenant } from './generateTenant.js';
export { writeTenantFiles } from './writeTenantFiles.js';
export { DEFAULT_TENANT_OPTIONS } from './types.js';
export type { Incident, Tenant, TenantOptions } from './types.js';
