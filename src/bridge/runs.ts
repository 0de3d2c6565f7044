// Identify runs one after another, in the order their messages arrived: a run may finish later
// (SHA-256 hashing, waiting for Connecto), and a logout pushed right after a sign-in must not
// overtake it. flush() resolves once every run started so far has completed.
import { runIdentify } from '../core/index';
import type { EngineConfig, EngineOutcome, IdentifyInput } from '../core/index';
import type { BridgePlatform } from './platform';

export interface Runs {
  add(input: IdentifyInput): void;
  /** The outcomes of the runs completed since the last flush, once none is pending. */
  flush(): Promise<EngineOutcome[]>;
}

export function createRuns(config: EngineConfig, platform: BridgePlatform): Runs {
  const queue: IdentifyInput[] = [];
  let outcomes: EngineOutcome[] = [];
  const waiters: Array<() => void> = [];
  let busy = false;
  let pumping = false;

  const settleIfIdle = () => {
    if (busy || queue.length > 0) return;
    waiters.splice(0).forEach((wake) => wake());
  };
  const pump = () => {
    if (pumping) return;
    pumping = true;
    while (!busy && queue.length > 0) {
      busy = true;
      let synchronous = true;
      const finish = (outcome: EngineOutcome) => {
        outcomes.push(outcome);
        busy = false;
        if (!synchronous) pump();
      };
      try {
        runIdentify(queue.shift()!, config, platform, finish);
      } catch (error) {
        platform.problem('identify threw: ' + String(error));
        busy = false;
      }
      synchronous = false;
    }
    pumping = false;
    settleIfIdle();
  };

  return {
    add(input) {
      queue.push(input);
      pump();
    },
    flush: () => new Promise<EngineOutcome[]>((resolve) => {
      waiters.push(() => {
        const done = outcomes;
        outcomes = [];
        resolve(done);
      });
      settleIfIdle();
    }),
  };
}
