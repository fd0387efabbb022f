// The row behind a Relay global id, for tests that read or write the database beside the API.
import { decodeGlobalID } from '@pothos/plugin-relay';

/** The row id (a UUID) that the global id `globalId` names; throws on anything that is not a global id. */
export function uuid(globalId: string): string {
  return decodeGlobalID(globalId).id;
}
