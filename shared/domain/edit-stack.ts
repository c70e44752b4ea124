/** One figure's change, with what it was, so it can be undone. */
export interface FigureChange {
  indicatorId: number;
  before: number | string | null;
  after: number | string | null;
}

/**
 * Undo and redo of edits to figures, each step a whole batch (one typed cell, or one pasted block).
 * Undoing a step gives the changes that put the figures back; a new edit clears what could be redone.
 */
export class EditStack {
  private done: FigureChange[][] = [];
  private undone: FigureChange[][] = [];

  constructor(private readonly limit = 200) {}

  record(step: FigureChange[]): void {
    if (step.length === 0) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The step to undo, as changes to apply; the caller confirms with `undoApplied` once stored. */
  peekUndo(): FigureChange[] | null {
    const step = this.done.at(-1);
    return step ? step.map((c) => ({ indicatorId: c.indicatorId, before: c.after, after: c.before })) : null;
  }

  undoApplied(): void {
    const step = this.done.pop();
    if (step) this.undone.push(step);
  }

  peekRedo(): FigureChange[] | null {
    return this.undone.at(-1)?.map((c) => ({ ...c })) ?? null;
  }

  redoApplied(): void {
    const step = this.undone.pop();
    if (step) this.done.push(step);
  }
}
