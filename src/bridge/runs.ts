// The bridge's identify runs. Their order is the engine's: each run takes its turn on the
// platform's lane (core/lane.ts), also one released by a consent grant, so a logout pushed
// right after a sign-in never overtakes it. flush() resolves once every run started so far has
// reported, with the outcomes since the last flush — the latest KEPT at most, so that a page that
// never calls flush() (the script tag) keeps next to nothing.
import { runIdentify } from '../core/engine';
import { once } from '../core/once';
import type { EngineConfig, EngineOutcome, IdentifyInput } from '../core/index';
import { printable, type BridgePlatform } from './platform';

export interface Runs {
  add(input: IdentifyInput): void;
  /** The outcomes of the runs completed since the last flush (the latest KEPT), once none is pending. */
  flush(): Promise<EngineOutcome[]>;
}

export const KEPT = 100;

export function createRuns(config: EngineConfig, platform: BridgePlatform): Runs {
  let pending = 0;
  let outcomes: EngineOutcome[] = [];
  const waiters: Array<() => void> = [];
  const settleIfIdle = () => {
    if (pending === 0 && waiters.length > 0) waiters.splice(0).forEach((wake) => wake());
  };
  const report = (outcome: EngineOutcome | null) => {
    if (outcome && outcomes.push(outcome) > 2 * KEPT) outcomes = outcomes.slice(-KEPT); // trimmed now and then, not on every run
    pending -= 1;
    settleIfIdle();
  };
  return {
    add(input) {
      pending += 1;
      const finish = once(report);
      try {
        runIdentify(input, config, platform, finish);
      } catch (error) {
        platform.problem('identify threw: ' + printable(error));
        finish(null);
      }
    },
    flush: () => new Promise<EngineOutcome[]>((resolve) => {
      waiters.push(() => {
        const done = outcomes.slice(-KEPT);
        outcomes = [];
        resolve(done);
      });
      settleIfIdle();
    }),
  };
}
