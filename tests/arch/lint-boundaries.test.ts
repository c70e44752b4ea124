import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries are the lint's (eslint.config.js). This shows that a deliberate violation fails
 * it: each case lints an existing file's path with one bad import added.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function rulesBroken(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = 1;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe('lint keeps the folders apart', () => {
  it('the renderer may not import the database layer or the main process', async () => {
    expect(
      await rulesBroken('renderer/src/ui/Options.tsx', "import { openDatabase } from '../../../db/connection';"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken(
        'renderer/src/ui/Options.tsx',
        "import { createHandlers } from '../../../electron/handlers/handlers';",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('shared/ imports nothing outside shared/, db/ never imports electron/', async () => {
    expect(await rulesBroken('shared/clock.ts', "import type { Database } from '../db/schema';")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(
      await rulesBroken(
        'db/open-sqlite.ts',
        "import { sharedParsePool } from '../electron/services/inbox/parse-pool';",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it("services never import 'electron'", async () => {
    expect(await rulesBroken('electron/services/context.ts', "import { app } from 'electron';")).toContain(
      'no-restricted-imports',
    );
  });

  it('SQL lives in db/: a service imports kysely for its types only', async () => {
    expect(await rulesBroken('electron/services/rounds/rollup.ts', "import { sql } from 'kysely';")).toContain(
      'no-restricted-imports',
    );
    expect(
      await rulesBroken('electron/services/rounds/rollup.ts', "import type { Transaction } from 'kysely';"),
    ).not.toContain('no-restricted-imports');
    expect(await rulesBroken('db/rounds/rollup-repo.ts', "import { sql } from 'kysely';")).not.toContain(
      'no-restricted-imports',
    );
  });

  it('shared/, the renderer and the preload use no Node built-ins; the preload bundles no zod', async () => {
    expect(await rulesBroken('shared/clock.ts', "import fs from 'node:fs';")).toContain('no-restricted-imports');
    expect(await rulesBroken('renderer/src/ui/Options.tsx', "import path from 'node:path';")).toContain(
      'no-restricted-imports',
    );
    expect(await rulesBroken('electron/preload/create-api.ts', "import { z } from 'zod';")).toContain(
      'no-restricted-imports',
    );
    expect(await rulesBroken('shared/api/channels.ts', "import { z } from 'zod';")).toContain('no-restricted-imports');
  });

  it('an allowed import passes', async () => {
    const broken = await rulesBroken(
      'renderer/src/ui/Options.tsx',
      "import { foldText } from '../../../shared/text/fold';",
    );
    expect(broken).not.toContain('import-x/no-restricted-paths');
    expect(broken).not.toContain('no-restricted-imports');
  });
});
