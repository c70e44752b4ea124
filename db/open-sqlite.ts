import BetterSqlite3 from 'better-sqlite3';

/**
 * The one place that opens a SQLite file (the live database, backups, staging copies, another
 * office's file). Under Electron the native module must be Electron's build (`npm start` prepares
 * it in out/native; the packaged app is rebuilt for Electron): the shell says where it is once, at
 * start, and every file opened after that uses it. Tests and the command line use node_modules'.
 */
let nativeBinding: string | undefined;

export function useSqliteNativeBinding(binding: string | undefined): void {
  nativeBinding = binding;
}

export function openSqliteFile(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): BetterSqlite3.Database {
  return new BetterSqlite3(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Opens a file, runs `use`, and closes the handle whatever happens: nothing is left holding the file (Windows cannot rename or delete a file still open). */
export function withSqliteFile<T>(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean },
  use: (sqlite: BetterSqlite3.Database) => T,
): T {
  const sqlite = openSqliteFile(file, options);
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Closes a handle if it is still open (better-sqlite3's close on a closed handle is harmless, but says so). */
export function closeSqlite(sqlite: BetterSqlite3.Database): void {
  if (sqlite.open) sqlite.close();
}
