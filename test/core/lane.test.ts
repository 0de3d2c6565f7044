import { describe, expect, it } from 'vitest';
import { createLane, type Job } from '../../src/core/lane';
import { MAX_WAIT_MS } from '../../src/core/vendors/runtime';

describe('the run lane', () => {
  it('runs one job at a time in the order added, a later job waiting for an earlier one that completes later', () => {
    const lane = createLane(() => 0);
    const order: string[] = [];
    let finishFirst = () => {};
    lane.add((next) => {
      order.push('start 1');
      finishFirst = () => {
        order.push('end 1');
        next();
      };
    });
    lane.add((next) => {
      order.push('start 2');
      next();
    });
    expect(order).toEqual(['start 1']);
    finishFirst();
    expect(order).toEqual(['start 1', 'end 1', 'start 2']);
  });

  it('runs jobs that complete at once straight away, also one added by a running job', () => {
    const lane = createLane(() => 0);
    const order: number[] = [];
    const job = (n: number): Job => (next) => {
      order.push(n);
      if (n === 1) lane.add(job(3));
      next();
    };
    lane.add(job(1));
    lane.add(job(2));
    expect(order).toEqual([1, 3, 2]);
  });

  it('is free again for the next job once a job that never reported back has been running longer than any run may take', () => {
    let clock = 0;
    const lane = createLane(() => clock);
    const ran: string[] = [];
    lane.add(() => ran.push('stuck'));
    lane.add((next) => (ran.push('waits'), next()));
    expect(ran).toEqual(['stuck']);
    clock = MAX_WAIT_MS * 2 + 1;
    lane.add((next) => (ran.push('later'), next()));
    expect(ran).toEqual(['stuck', 'waits', 'later']);
  });
});
