import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { UnitKind } from '../shared/domain/units';
import type { UnitEventKind } from '../shared/domain/unit-events';
import type { YesNoRule } from '../shared/domain/boundaries';
import type {
  Comparator,
  ConditionComparator,
  PlanType,
  TargetKind,
  TargetScope,
  TaskStatus,
} from '../shared/domain/plans';
import type { Aggregation, ChildRule, ValueType } from '../shared/domain/forms';
import type { PeriodKind } from '../shared/domain/periods';
import type { RevisionSource, RoundStatus, SubmissionStatus } from '../shared/domain/rounds';
import type { ImportStatus, MessageSource } from '../shared/domain/inbox';
import type { OutgoingKind, OutgoingStatus } from '../shared/domain/mail';
import type { ChangeKind, WorkflowAction } from '../shared/domain/submissions';
import type { ProblemRule, Severity } from '../shared/domain/check-values';
import type { RuleOperator } from '../shared/domain/validation-rules';

/**
 * Table interfaces, used only inside `Database`; the rest of the code uses the
 * Selectable/Insertable/Updateable aliases below. Columns hold what SQLite returns; a column that a
 * CHECK constraint limits to a list is typed as the domain's union for that list.
 */
interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  kind: UnitKind;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}
interface OrgUnitEmailTable {
  unit_id: number;
  email: string;
}
interface OrgUnitEventTable {
  id: Generated<number>;
  kind: UnitEventKind;
  effective_date: string;
  basis: string | null;
  note: string | null;
  created_at: string;
  yes_no_rule: Generated<YesNoRule>;
  ended_unit_id: number | null;
  /** The original file the change came from (an official unit list), when there is one. */
  source_file_id: number | null;
}
interface OrgUnitSuccessionTable {
  event_id: number;
  from_unit_id: number;
  to_unit_id: number;
  share: number;
}
/** A unit's former parent and the period it held; org_unit.parent_id is the parent since then. */
interface OrgUnitParentTable {
  unit_id: number;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string;
  event_id: number | null;
}

interface ProgrammeTable {
  id: Generated<number>;
  name: string;
  decision_number: string | null;
  decision_date: string | null;
  issuer: string | null;
  period_start: number;
  period_end: number;
  created_at: string;
}
interface PlanTable {
  id: Generated<number>;
  programme_id: number | null;
  doc_number: string | null;
  doc_date: string | null;
  issuer: string;
  signer: string | null;
  type: PlanType;
  title: string;
  period_start: number;
  period_end: number;
  legal_basis: string | null;
  full_text: string | null;
  created_at: string;
}
interface TargetTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  text: string;
  kind: TargetKind;
  indicator_id: number | null;
  denominator_indicator_id: number | null;
  denominator_register: string | null;
  unit_kind: UnitKind | null;
  comparator: Comparator;
  threshold: number;
  threshold_high: number | null;
  scope: TargetScope;
  period_from: number | null;
  period_to: number | null;
  deadline_year: number | null;
  position: number;
  /** For share-of-units: the condition each unit's figure must meet (e.g. > 0). */
  condition_comparator: Generated<ConditionComparator | null>;
  condition_value: Generated<number | null>;
  /** The plan's sentence the target was read from. */
  source_text: Generated<string | null>;
}
interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  content: string;
  lead_unit_id: number | null;
  deadline: string | null;
  status: Generated<TaskStatus>;
  /** The lead agency as the plan writes it, matched to a unit or not. */
  lead_text: string | null;
}
interface TaskCoordinatorTable {
  task_id: number;
  unit_id: number;
}
interface RegisterTable {
  id: Generated<number>;
  code: string;
  name: string;
  measure_unit: string | null;
  created_at: string;
}
interface RegisterValueTable {
  register_id: number;
  unit_id: number;
  year: number;
  value: number;
  updated_at: string;
}
interface TaskNoteTable {
  id: Generated<number>;
  task_id: number;
  noted_at: string;
  text: string;
}

interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  measure_unit: string | null;
  value_type: ValueType;
  aggregation: Aggregation;
  parent_id: number | null;
  child_rule: Generated<ChildRule>;
  created_at: string;
  min_value: Generated<number | null>;
  max_value: Generated<number | null>;
  /** The same indicator in another form, so periods compare across form changes. */
  same_as_id: Generated<number | null>;
}
interface FormTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}
interface FormVersionTable {
  id: Generated<number>;
  form_id: number;
  version: number;
  period_type: PeriodKind | null;
  unit_kinds: Generated<string>;
  source_file_id: number | null;
  created_at: string;
}
interface FormRowTable {
  id: Generated<number>;
  form_version_id: number;
  position: number;
  row_key: string;
  numbering: string | null;
  text: string;
  measure_unit: string | null;
  level: Generated<number>;
  parent_row_id: number | null;
  indicator_id: number | null;
  is_value_row: number;
}

interface ReportRoundTable {
  id: Generated<number>;
  form_version_id: number;
  name: string;
  period_code: string;
  period_start: string;
  period_end: string;
  cutoff_date: string;
  deadline: string;
  status: Generated<RoundStatus>;
  created_at: string;
}
interface RoundUnitTable {
  round_id: number;
  unit_id: number;
}
interface StoredFileTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  original_name: string;
  media_type: string | null;
  stored_at: string;
}
interface EmailMessageTable {
  id: Generated<number>;
  message_id: string | null;
  source: MessageSource;
  source_file_id: number | null;
  imap_mailbox: string | null;
  imap_uid: number | null;
  from_address: string | null;
  from_name: string | null;
  subject: string | null;
  sent_at: string | null;
  imported_at: string;
  status: ImportStatus;
  unit_id: number | null;
  round_id: number | null;
  problem: string | null;
  /** Dealt with without importing figures: when, and the clerk's note why. */
  handled_at: string | null;
  handled_note: string | null;
}
interface OutgoingMailTable {
  id: Generated<number>;
  kind: OutgoingKind;
  round_id: number | null;
  unit_id: number | null;
  message_id: string;
  /** JSON array of addresses. */
  to_addresses: string;
  subject: string;
  body: string;
  attachment_name: string | null;
  status: OutgoingStatus;
  error: string | null;
  /** The app run that handed it to the server: a row left 'sending' by another run may have gone. */
  run_id: string;
  created_at: string;
  sent_at: string | null;
}
interface EmailAttachmentTable {
  message_id: number;
  file_id: number;
  file_name: string;
}
interface SubmissionTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  status: Generated<SubmissionStatus>;
  received_at: string | null;
  late: Generated<number>;
  locked: Generated<number>;
}
interface SubmissionRevisionTable {
  id: Generated<number>;
  submission_id: number;
  number: number;
  source: RevisionSource;
  email_message_id: number | null;
  file_id: number | null;
  created_at: string;
  note: string | null;
}
interface DataValueTable {
  id: Generated<number>;
  submission_id: number;
  indicator_id: number;
  num_value: number | null;
  text_value: string | null;
  revision_id: number | null;
  source_file_id: number | null;
  source_sheet: string | null;
  source_cell: string | null;
  comment: string | null;
  updated_at: string;
}
interface ValueHistoryTable {
  id: Generated<number>;
  data_value_id: number;
  old_num: number | null;
  old_text: string | null;
  new_num: number | null;
  new_text: string | null;
  changed_at: string;
  changed_by: string;
  reason: string | null;
  revision_id: number | null;
  how: Generated<ChangeKind | 'import'>;
}
interface ValueProblemTable {
  id: Generated<number>;
  submission_id: number;
  indicator_id: number | null;
  severity: Severity;
  rule: ProblemRule;
  message: string;
}
interface StoredFileContentTable {
  file_id: number;
  content: Uint8Array;
}
interface StoredFilePartTable {
  file_id: number;
  container_id: number;
  part_name: string;
}
interface ValidationRuleTable {
  id: Generated<number>;
  form_id: number;
  name: string;
  /** JSON of a RuleSide. */
  left_side: string;
  operator: RuleOperator;
  right_side: string;
  importance: Severity;
  created_at: string;
}
interface SubmissionEventTable {
  id: Generated<number>;
  submission_id: number;
  action: WorkflowAction;
  from_status: SubmissionStatus;
  to_status: SubmissionStatus;
  at: string;
  reason: string | null;
}
interface RoundSnapshotTable {
  id: Generated<number>;
  round_id: number;
  taken_at: string;
  note: string;
}
interface SnapshotValueTable {
  snapshot_id: number;
  indicator_id: number;
  /** null: the province total. */
  unit_id: number | null;
  num_value: number | null;
  text_value: string | null;
  units_reported: number;
}
interface AppSettingTable {
  key: string;
  value: string;
}
/** Another office's database brought into this one, by its identity. */
interface OfficeSourceTable {
  id: Generated<number>;
  database_id: string;
  label: string;
  file_name: string;
  file_sha256: string;
  first_imported_at: string;
  last_imported_at: string;
}
/** A row of a database brought in, and the row it is here. */
interface ForeignRecordTable {
  source_id: number;
  table_name: string;
  foreign_id: number;
  local_id: number;
}
interface MigrationTable {
  name: string;
  applied_at: string;
}

export interface Database {
  org_unit: OrgUnitTable;
  org_unit_email: OrgUnitEmailTable;
  org_unit_event: OrgUnitEventTable;
  org_unit_succession: OrgUnitSuccessionTable;
  org_unit_former_parent: OrgUnitParentTable;
  programme: ProgrammeTable;
  plan: PlanTable;
  target: TargetTable;
  task: TaskTable;
  task_coordinator: TaskCoordinatorTable;
  task_note: TaskNoteTable;
  register: RegisterTable;
  register_value: RegisterValueTable;
  indicator: IndicatorTable;
  form: FormTable;
  form_version: FormVersionTable;
  form_row: FormRowTable;
  report_round: ReportRoundTable;
  round_unit: RoundUnitTable;
  stored_file: StoredFileTable;
  email_message: EmailMessageTable;
  email_attachment: EmailAttachmentTable;
  outgoing_mail: OutgoingMailTable;
  submission: SubmissionTable;
  submission_revision: SubmissionRevisionTable;
  data_value: DataValueTable;
  value_history: ValueHistoryTable;
  value_problem: ValueProblemTable;
  stored_file_content: StoredFileContentTable;
  stored_file_part: StoredFilePartTable;
  validation_rule: ValidationRuleTable;
  submission_event: SubmissionEventTable;
  round_snapshot: RoundSnapshotTable;
  snapshot_value: SnapshotValueTable;
  app_setting: AppSettingTable;
  office_source: OfficeSourceTable;
  foreign_record: ForeignRecordTable;
  schema_migration: MigrationTable;
}

/** What every repository function takes first: the database, or a transaction a service opened. */
export type Db = Kysely<Database> | Transaction<Database>;

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
export type PlanRow = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type TargetRow = Selectable<TargetTable>;
export type NewTarget = Insertable<TargetTable>;
export type TaskRow = Selectable<TaskTable>;
export type NewTask = Insertable<TaskTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type NewDataValue = Insertable<DataValueTable>;
export type SubmissionRecord = Selectable<SubmissionTable>;
export type DataValueRow = Selectable<DataValueTable>;
