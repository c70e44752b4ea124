import { describe, expect, it } from 'vitest';
import { EditStack } from './edit-stack';

describe('EditStack', () => {
  it('undoes a pasted block as one step, redoes it, and forgets the redo after a new edit', () => {
    const s = new EditStack();
    s.record([{ indicatorId: 1, before: null, after: 5 }]);
    s.record([
      { indicatorId: 2, before: 1, after: 2 },
      { indicatorId: 3, before: null, after: 7 },
    ]);
    expect(s.peekUndo()).toEqual([
      { indicatorId: 2, before: 2, after: 1 },
      { indicatorId: 3, before: 7, after: null },
    ]);
    s.undoApplied();
    expect(s.peekRedo()).toEqual([
      { indicatorId: 2, before: 1, after: 2 },
      { indicatorId: 3, before: null, after: 7 },
    ]);
    s.redoApplied();
    s.undoApplied();
    s.undoApplied();
    expect([s.canUndo, s.canRedo]).toEqual([false, true]);
    s.record([{ indicatorId: 9, before: null, after: 1 }]);
    expect([s.canUndo, s.canRedo]).toEqual([true, false]);
  });

  it('a refused undo changes nothing until it is confirmed', () => {
    const s = new EditStack();
    s.record([{ indicatorId: 1, before: null, after: 5 }]);
    s.peekUndo();
    expect(s.canUndo).toBe(true);
  });
});
