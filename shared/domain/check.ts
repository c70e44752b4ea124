/** The database check's report, as the command line prints it and the settings screen shows it. */
export interface CheckProblem {
  kind: 'integrity' | 'foreign-key' | 'original' | 'provenance' | 'schema';
  message: string;
}

export interface CheckReport {
  ok: boolean;
  full: boolean;
  problems: CheckProblem[];
}
