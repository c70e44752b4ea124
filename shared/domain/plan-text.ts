import type { PlanType, TargetSummary } from './plans';

/** What reading a pasted plan proposes: the document's data, target drafts and task drafts. */
export interface TargetSuggestion extends Pick<
  TargetSummary,
  'code' | 'text' | 'kind' | 'comparator' | 'threshold' | 'thresholdHigh' | 'unitKind' | 'deadlineYear'
> {
  /** The sentence it was read from. */
  sourceText: string;
  /** Why it was read this way, in Vietnamese. */
  why: string;
}

export interface TaskSuggestion {
  content: string;
  /** The agency named to lead, as the text writes it. */
  leadName: string | null;
  deadline: string | null;
}

export interface PlanTextReading {
  docNumber: string | null;
  docDate: string | null;
  issuer: string | null;
  signer: string | null;
  type: PlanType;
  title: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  legalBasis: string | null;
  targets: TargetSuggestion[];
  tasks: TaskSuggestion[];
}

/** A task draft with the agencies the text names matched to the office's units. */
export interface TaskDraft extends TaskSuggestion {
  leadUnitId: number | null;
  coordinatorIds: number[];
  coordinatorNames: string[];
}

export interface PlanDraft extends Omit<PlanTextReading, 'tasks'> {
  tasks: TaskDraft[];
}
