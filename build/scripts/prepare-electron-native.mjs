// Gives `npm start` a copy of better-sqlite3's native module built for Electron's ABI, in
// out/native/, while node_modules stays built for Node (the tests and the command line use it).
// The packaged app does not need this: electron-builder rebuilds node_modules for Electron.
// Needs internet the first time (Electron's headers or a prebuilt binary); later starts reuse it.
import fs from 'node:fs';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';

const root = path.resolve(import.meta.dirname, '../..');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const sourceDir = path.join(root, 'node_modules/better-sqlite3');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8')).version;
const nativeRoot = path.join(root, 'out/native');
const moduleDir = path.join(nativeRoot, 'node_modules/better-sqlite3');
const binary = path.join(moduleDir, 'build/Release/better_sqlite3.node');
const marker = path.join(nativeRoot, 'built-for.txt');
const wanted = `electron ${electronVersion}, better-sqlite3 ${sqliteVersion}, ${process.platform}-${process.arch}`;

if (fs.existsSync(binary) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) process.exit(0);

fs.rmSync(nativeRoot, { recursive: true, force: true });
fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
fs.cpSync(sourceDir, moduleDir, { recursive: true, filter: (src) => !src.startsWith(path.join(sourceDir, 'build')) });
fs.writeFileSync(
  path.join(nativeRoot, 'package.json'),
  JSON.stringify({ name: 'native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
);
try {
  await rebuild({ buildPath: nativeRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
} catch (e) {
  console.error(
    `Không dựng được better-sqlite3 cho Electron ${electronVersion} (cần mạng Internet ở lần chạy đầu): ${e.message}`,
  );
  process.exit(1);
}
if (!fs.existsSync(binary)) {
  console.error(`Không thấy ${binary} sau khi dựng.`);
  process.exit(1);
}
fs.writeFileSync(marker, wanted);
