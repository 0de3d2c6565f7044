// The contract between the engine and a vendor module: identify and reset, each completing
// exactly once with a status and a one-line message; warnings go through `note` as they arise.
import type { IdentifyCall, ResultStatus } from '../model';
import type { Note } from '../messages';
import type { Platform } from '../platform';

export interface VendorContext {
  platform: Platform;
  /** Reports a message for this vendor (collected by the engine and echoed to the debug log). */
  note: Note;
}

export interface Outcome {
  status: ResultStatus;
  message: string;
}

export type Done = (outcome: Outcome) => void;

export interface VendorModule {
  /** Display name used in messages. */
  name: string;
  /** `options` is the destination's raw options object; the module validates it. */
  identify(call: IdentifyCall, options: unknown, context: VendorContext, done: Done): void;
  reset(options: unknown, context: VendorContext, done: Done): void;
}

export const outcome = (status: ResultStatus, message: string): Outcome => ({ status: status, message: message });
