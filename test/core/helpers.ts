// Shared test helpers: run the engine to completion on a FakePlatform, build calls, collect notes,
// and page fakes shaped like the vendors' own stubs and SDKs (docs/reference/vendors.md).
import { runIdentify } from '../../src/core/engine';
import { normalize } from '../../src/core/normalize';
import type { EngineConfig, EngineOutcome } from '../../src/core/engine';
import type { IdentifyCall, IdentifyInput, Message, MessageLevel } from '../../src/core/model';
import type { Note } from '../../src/core/messages';
import type { Outcome, VendorContext } from '../../src/core/vendors/types';
import { FakePlatform } from './fake-platform';
import type { Win } from './fake-platform';

export interface Run {
  outcome: EngineOutcome;
  /** how many times `done` was called */
  doneCalls: number;
}

/** Runs the engine, drains the platform's task queue, and returns the (single) outcome. */
export function run(platform: FakePlatform, input: IdentifyInput, config: EngineConfig): Run {
  let doneCalls = 0;
  let outcome: EngineOutcome | undefined;
  runIdentify(input, config, platform, (result) => {
    doneCalls += 1;
    outcome = result;
  });
  platform.flush();
  if (outcome === undefined) throw new Error('runIdentify never completed');
  return { outcome, doneCalls };
}

export function notes(): { note: Note; list: Message[] } {
  const list: Message[] = [];
  return { list, note: (level: MessageLevel, text: string) => list.push({ level, vendor: null, text }) };
}

export function context(platform: FakePlatform): VendorContext & { list: Message[] } {
  const { note, list } = notes();
  return { platform, note, list };
}

type VendorIdentify = (call: IdentifyCall, options: unknown, context: VendorContext, done: (o: Outcome) => void) => void;

/** A `send(platform, input, options)` for one vendor's identify: runs it to completion, returns outcomes and message texts. */
export function sender(identify: VendorIdentify) {
  return (platform: FakePlatform, input: IdentifyInput, options: unknown = {}) => {
    const ctx = context(platform);
    const outcomes: Outcome[] = [];
    identify(callOf(input), options, ctx, (o) => outcomes.push(o));
    platform.flush();
    return { outcomes, messages: ctx.list.map((m) => m.text) };
  };
}

/** The normalised call of `input` (fails the test on normalisation errors). */
export function callOf(input: IdentifyInput): IdentifyCall {
  const { call, messages } = normalize(input, 'gtm_template');
  const errors = messages.filter((m) => m.level === 'error');
  if (errors.length > 0) throw new Error(errors.map((m) => m.text).join('; '));
  return call;
}

export function texts(list: Message[]): string[] {
  return list.map((m) => m.text);
}

/** analytics.js snippet stub: an array with a factory method per API method (and `_writeKey`, as the snippet sets it). */
export function analyticsStub(win: Win, global = 'analytics', writeKey?: string): unknown[] {
  const stub: any = [];
  if (writeKey !== undefined) stub._writeKey = writeKey;
  for (const method of ['identify', 'reset', 'track', 'page']) {
    stub[method] = (...args: unknown[]) => {
      stub.push([method, ...args]);
      return stub;
    };
  }
  win[global] = stub;
  return stub;
}

/** A loaded analytics.js: records identify/reset calls. */
export function analyticsSdk(win: Win, global = 'analytics', writeKey?: string): unknown[][] {
  const seen: unknown[][] = [];
  win[global] = {
    initialized: true,
    settings: { writeKey },
    identify: (...args: unknown[]) => seen.push(['identify', ...args]),
    reset: (...args: unknown[]) => seen.push(['reset', ...args]),
  };
  return seen;
}

/** A loaded Gist SDK. */
export function gistSdk(win: Win): unknown[][] {
  const seen: unknown[][] = [];
  win.gist = {
    identify: (...args: unknown[]) => seen.push(['identify', ...args]),
    chat: (...args: unknown[]) => seen.push(['chat', ...args]),
  };
  return seen;
}

/** Gist's snippet stub before the SDK loads (methods trackPageView, identify, track, setAppId). */
export function gistStub(win: Win): unknown[] {
  const stub: any = [];
  for (const method of ['trackPageView', 'identify', 'track', 'setAppId']) {
    stub[method] = (...args: unknown[]) => {
      stub.push([method, ...args]);
      return stub;
    };
  }
  win.gist = stub;
  return stub;
}

export function mutinySdk(win: Win): unknown[][] {
  const seen: unknown[][] = [];
  win.mutiny = { client: { identify: (...args: unknown[]) => (seen.push(args), undefined) } };
  return seen;
}

export function connectoSdk(win: Win, identity = 'anon-123'): unknown[][] {
  const seen: unknown[][] = [];
  win._connecto = {
    identify: (...args: unknown[]) => seen.push(args),
    getIdentity: () => identity,
  };
  return seen;
}

/** Antsomi's loader stub: web_event pushes `arguments` onto web_event.queue; track aliases it. */
export function antsomiStub(win: Win): IArguments[] {
  const queue: IArguments[] = [];
  const webEvent: any = function webEvent() {
    // eslint-disable-next-line prefer-rest-params
    queue.push(arguments);
  };
  webEvent.queue = queue;
  webEvent.track = webEvent;
  win.web_event = webEvent;
  return queue;
}

/** A loaded Antsomi SDK with resetAnonymousUId and the lead-time helper. */
export function antsomiSdk(win: Win, leadTime = '2024-05-01 10:00:00'): unknown[][] {
  const seen: unknown[][] = [];
  win.web_event = {
    track: (...args: unknown[]) => seen.push(['track', ...args]),
    resetAnonymousUId: () => seen.push(['resetAnonymousUId']),
  };
  win._cdpEventFunction = { _cdpGetLeadTime: () => leadTime };
  return seen;
}
