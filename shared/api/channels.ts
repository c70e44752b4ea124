/**
 * Every channel's name, with no schema attached, so the preload can check names
 * without bundling zod. The contract (contract.ts) must define exactly these.
 * Names follow `feature:verb-noun`.
 */
export const channels = [
  // app
  'app:get-status',
  'app:save-png',
  'app:print',
  'app:open-log-folder',
  'app:copy-text',
  'app:save-pdf',
  'app:export-grid',
  // demo
  'demo:create-demo',
  // units
  'units:list-units',
  'units:import-file',
  'units:list-events',
  'units:record-merge',
  'units:record-split',
  'units:record-end',
  'units:open-official-list',
  'units:preview-official-list',
  'units:apply-official-list',
  'units:add-unit',
  // office
  'office:import-database',
  // plans
  'plans:list-plans',
  'plans:draft-from-text',
  'plans:create-plan',
  'plans:add-target',
  'plans:update-target',
  'plans:delete-target',
  'plans:update-task',
  'plans:set-task-lead',
  'plans:export-report',
  // targets
  'targets:evaluate',
  'targets:list-indicators',
  'targets:indicator-series',
  'targets:get-dashboard',
  'targets:list-registers',
  'targets:save-register',
  // forms
  'forms:list-forms',
  'forms:get-form',
  'forms:draft-from-file',
  'forms:create-form',
  'forms:save-rows',
  'forms:list-rules',
  'forms:create-rule',
  'forms:delete-rule',
  'forms:link-indicator',
  // rounds
  'rounds:list-rounds',
  'rounds:create-round',
  'rounds:list-submissions',
  'rounds:export-templates',
  'rounds:get-matrix',
  'rounds:compare',
  'rounds:freeze',
  'rounds:list-snapshots',
  'rounds:export',
  'rounds:get-appendix',
  // settings
  'settings:get-office',
  'settings:get-template',
  'settings:choose-template',
  'settings:save-starter-template',
  'settings:remove-template',
  'settings:save-office',
  // backup
  'backup:get-status',
  'backup:take-now',
  'backup:choose-mirror',
  'backup:inspect',
  'backup:restore',
  'backup:check',
  // submissions
  'submissions:get-sheet',
  'submissions:save-values',
  'submissions:save-comment',
  'submissions:change-status',
  'submissions:draft-correction',
  'submissions:save-correction',
  'submissions:get-provenance',
  'submissions:list-history',
  'submissions:export-history',
  'submissions:get-check-settings',
  'submissions:save-check-settings',
  // files
  'files:open-original',
  'files:view-message',
  'files:save-copy',
  'files:open-saved',
  // inbox
  'inbox:list-messages',
  'inbox:import-files',
  'inbox:import-dropped',
  'inbox:review-message',
  'inbox:get-reply-table',
  'inbox:get-mailbox',
  'inbox:save-mailbox',
  'inbox:check-mailbox',
  'inbox:mark-handled',
  'inbox:reopen-message',
  // mail
  'mail:get-server',
  'mail:save-server',
  'mail:send-test',
  'mail:preview-round',
  'mail:send-round',
  'mail:send-correction',
  'mail:list-sent',
] as const;

export type Channel = (typeof channels)[number];

/** Events the main process pushes to the renderer (progress of long work). */
export const events = ['progress'] as const;
export type EventName = (typeof events)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (events as readonly string[]).includes(name);
}
