/**
 * Migrations that have shipped, with the SHA-256 of their source file (line endings as LF). A released
 * migration has run on offices' databases: it is never edited, only followed by a new one. The test
 * beside this file fails when a released file changes, is renamed or removed, or falls out of order.
 * When a version ships, its new migrations are added here.
 */
export const releasedMigrations: readonly { name: string; sha256: string }[] = [
  { name: '2026-11-23-001-domain', sha256: '521576defb639364822e11653c4225ef8a390170850ce97c343743eb66971565' },
  { name: '2026-11-23-002-value-problems', sha256: '59abe62f5d09d3ab55e7fd0ca9c536c3f88c2957c9b3ca86a00dd2a97cb79056' },
  {
    name: '2026-11-23-003-original-contents',
    sha256: '6700f8b24d49a695eeb2a76987875b1e2a6fc2704e2bae9c0c641d122d0cd4e1',
  },
  {
    name: '2026-11-23-004-checking-and-approval',
    sha256: '8a7ea21e538145bfcf68065608e8a0dbbbdf48632be3ef9a6bf370fa4f04b4d1',
  },
  {
    name: '2026-11-23-005-targets-and-registers',
    sha256: 'b4a26e6140d56b966d3ba3f4423fa2de21d0723b21624cc1eeb4b91becefd047',
  },
  {
    name: '2026-11-23-006-units-through-time',
    sha256: 'ae7f0c1a7bc05e7be998fddac3b4df65f1bba1519dd298e8423084ac1d50f224',
  },
  { name: '2026-11-23-007-office-sources', sha256: '1b773c02ff295854f5b36246cab5ed70ad9342809e0594ebd7be09e9aadc4341' },
];
