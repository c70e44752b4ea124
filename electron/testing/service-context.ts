import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../db/testing/test-db';
import { LiveDatabase } from '../../db/live-database';
import { createServiceContext, type ServiceContext } from '../services/context';
import type { Platform } from '../services/platform';

/**
 * The platform as tests drive it: file choices are queued by the test (as if the user picked
 * them in a dialog), saved files land in a temporary folder, and opened or printed things are recorded.
 */
export class TestPlatform implements Platform {
  readonly chosenFiles: (string | null)[] = [];
  readonly savePaths: (string | null)[] = [];
  readonly folders: (string | null)[] = [];
  readonly fileLists: (string[] | null)[] = [];
  readonly opened: string[] = [];
  /** What was put on the clipboard, newest last. */
  readonly copied: string[] = [];
  printed = 0;

  constructor(readonly outDir: string) {}

  async chooseFile(): Promise<string | null> {
    return this.chosenFiles.length > 0 ? (this.chosenFiles.shift() ?? null) : null;
  }
  async chooseFiles(): Promise<string[] | null> {
    return this.fileLists.length > 0 ? (this.fileLists.shift() ?? null) : null;
  }
  async chooseFolder(): Promise<string | null> {
    return this.folders.length > 0 ? (this.folders.shift() ?? null) : null;
  }
  async chooseSavePath(options: { defaultName: string }): Promise<string | null> {
    if (this.savePaths.length > 0) return this.savePaths.shift() ?? null;
    return path.join(this.outDir, options.defaultName);
  }
  logFolderOpened = 0;
  async openLogFolder(): Promise<void> {
    this.logFolderOpened++;
  }
  async copyText(text: string): Promise<void> {
    this.copied.push(text);
  }
  async openWithSystem(filePath: string): Promise<void> {
    this.opened.push(filePath);
  }
  shownInFolder: string[] = [];
  async showInFolder(filePath: string): Promise<void> {
    this.shownInFolder.push(filePath);
  }
  /** Tests keep secrets reversibly marked, so a test can see a password was never stored in clear. */
  protectSecret(plain: string): string {
    return `test-protected:${Buffer.from(plain, 'utf8').toString('base64')}`;
  }
  revealSecret(stored: string): string {
    if (!stored.startsWith('test-protected:')) throw new Error('not protected');
    return Buffer.from(stored.slice('test-protected:'.length), 'base64').toString('utf8');
  }
  async printWindow(): Promise<void> {
    this.printed++;
  }
  /** End-to-end tests point this at Chromium's page.pdf() of the page under test. */
  pdfSource: (() => Promise<Uint8Array>) | null = null;
  async renderWindowPdf(): Promise<Uint8Array> {
    if (!this.pdfSource) throw new Error('no window to render in this test');
    return this.pdfSource();
  }
}

export interface TestContext extends ServiceContext {
  platform: TestPlatform;
  /** The temporary folder (`dir`) and the live database in it. */
  database: { dir: string; live: LiveDatabase; readonly sqlite: LiveDatabase['sqlite']; close(): Promise<void> };
  dispose(): Promise<void>;
}

/** A service context over a real, migrated SQLite file in a temporary folder, with a fixed clock. */
export async function createTestContext(now = new Date('2026-11-23T08:00:00Z')): Promise<TestContext> {
  const dir = makeTempDir();
  const live = await LiveDatabase.open(path.join(dir, 'data.db'));
  const outDir = path.join(dir, 'out');
  fs.mkdirSync(outDir);
  const database = {
    dir,
    live,
    get sqlite() {
      return live.sqlite;
    },
    close: () => live.close(),
  };
  return createServiceContext(live, {
    clock: () => now,
    platform: new TestPlatform(outDir),
    appVersion: 'test',
    database,
    dispose: async () => {
      await live.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
