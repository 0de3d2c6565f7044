// Runs one at a time, in the order they were added: a run may finish later (SHA-256 hashing, a
// script load, waiting for an SDK), and a logout added after a sign-in must never overtake it —
// also when both were held for consent and one grant releases them. The bridge keeps one lane per
// bridge; the template one per page, shared by its tags through templateStorage. In GTM a run
// whose page code throws never reports back [INF], so a lane busy for longer than any run may
// take (STALE_MS) counts as free again when the next run comes.
import { MAX_WAIT_MS } from './vendors/runtime';

/** A run: calls `next` once it has completed. */
export type Job = (next: () => void) => void;

export interface Lane {
  add(job: Job): void;
}

const STALE_MS = MAX_WAIT_MS * 2;

export function createLane(now: () => number): Lane {
  const jobs: Job[] = [];
  let running = 0; // the number of the running job; 0: none
  let count = 0;
  let since = 0;
  // No "pumping" flag: a job that throws (in the bridge) must not leave the lane shut for good.
  const pump = () => {
    while (running === 0 && jobs.length > 0) {
      const mine = ++count;
      let synchronous = true;
      running = mine;
      since = now();
      (jobs.shift() as Job)(() => {
        if (running !== mine) return;
        running = 0;
        if (!synchronous) pump();
      });
      synchronous = false;
    }
  };
  return {
    add: (job) => {
      if (running !== 0 && now() - since > STALE_MS) running = 0;
      jobs.push(job);
      pump();
    },
  };
}
