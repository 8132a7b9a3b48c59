import { describe, expect, it } from '@jest/globals';
import { TaskStatus } from './entities/task-status.js';
import { TRANSITIONS, UNFINISHED_STATUSES, WORKER_HELD_STATUSES } from './task-lifecycle.js';

describe('task lifecycle', () => {
  const all = Object.values(TRANSITIONS);

  it('never leaves DONE or FAILED: a finished task stays finished', () => {
    for (const { from } of all) {
      expect(from).not.toContain(TaskStatus.Done);
      expect(from).not.toContain(TaskStatus.Failed);
    }
  });

  it('reaches DONE only from PROCESSING', () => {
    const intoDone = all.filter(({ to }) => to === TaskStatus.Done);
    expect(intoDone.map(({ from }) => [...from])).toEqual([[TaskStatus.Processing]]);
  });

  it('counts every status but DONE and FAILED as unfinished, and holds back deletion while a worker may act', () => {
    expect([...UNFINISHED_STATUSES].sort()).toEqual(['PENDING', 'PROCESSING', 'QUEUED']);
    expect([...WORKER_HELD_STATUSES].sort()).toEqual(['PROCESSING', 'QUEUED']);
  });
});
