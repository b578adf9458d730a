/**
 * Validate and map incoming items of one source into batch rows; bad items become rejects.
 * Shared by the Graph fetchers and the offline importers (the same pure mappers serve both).
 */
import { callRecordSchema, directRoutingLogRowSchema, pstnCallLogRowSchema, signInSchema } from './graph/schemas.js';
import type { MapContext } from './rows/context.js';
import { mapCallRecord } from './rows/mapCallRecord.js';
import { mapDirectRouting } from './rows/mapDirectRouting.js';
import { mapPstn } from './rows/mapPstn.js';
import { mapSignIn } from './rows/mapSignIn.js';
import type { SourceName } from './sources.js';
import { validateItem } from './validateItem.js';
import type { Batch, Reject } from './writeBatch.js';

export type BatchRows = Required<Pick<Batch, 'callRecords' | 'directRouting' | 'pstn' | 'signIns'>>;

export interface MappedItems {
  batch: BatchRows;
  rejects: Reject[];
  accepted: number;
}

export function emptyBatchRows(): BatchRows {
  return { callRecords: [], directRouting: [], pstn: [], signIns: [] };
}

/** Add one item to the batch; returns the reason when it is rejected. */
function addItem(source: SourceName, item: unknown, ctx: MapContext, b: BatchRows): string | null {
  switch (source) {
    case 'callRecords': {
      const c = validateItem(callRecordSchema, item);
      if (!c.ok) return c.reason;
      ctx.p.at(c.value.startDateTime);
      b.callRecords.push(mapCallRecord(c.value, ctx));
      return null;
    }
    case 'directRoutingCalls': {
      const c = validateItem(directRoutingLogRowSchema, item);
      if (!c.ok) return c.reason;
      ctx.p.at(c.value.startDateTime);
      b.directRouting.push(mapDirectRouting(c.value, ctx));
      return null;
    }
    case 'pstnCalls': {
      const c = validateItem(pstnCallLogRowSchema, item);
      if (!c.ok) return c.reason;
      ctx.p.at(c.value.startDateTime);
      b.pstn.push(mapPstn(c.value, ctx));
      return null;
    }
    case 'signIns': {
      const c = validateItem(signInSchema, item);
      if (!c.ok) return c.reason;
      ctx.p.at(c.value.createdDateTime);
      b.signIns.push(mapSignIn(c.value, ctx));
      return null;
    }
  }
}

export function mapItems(source: SourceName, items: unknown[], location: string, ctx: MapContext, firstIndex = 0): MappedItems {
  const batch = emptyBatchRows();
  const rejects: Reject[] = [];
  let accepted = 0;
  items.forEach((item, i) => {
    const reason = addItem(source, item, ctx, batch);
    if (reason === null) accepted++;
    else rejects.push({ source, location, position: `item ${firstIndex + i}`, reason, payload: JSON.stringify(item) ?? 'undefined' });
  });
  return { batch, rejects, accepted };
}
