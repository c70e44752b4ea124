/**
 * What services need from the desktop, implemented by the Electron shell (electron/main)
 * and by tests with temporary folders. Services never import 'electron'.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  /** Asks the user for one file to open; null when cancelled. */
  chooseFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Asks the user for one or more files to open; null when cancelled. */
  chooseFiles(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>;
  /** Asks the user for a folder to write into; null when cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** Asks the user where to save; null when cancelled. */
  chooseSavePath(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Opens a file with the program the system associates with it (Word, Excel), or a folder in the file manager. */
  openWithSystem(filePath: string): Promise<void>;
  /** Shows a file selected in its folder, in the system's file manager. */
  showInFolder(filePath: string): Promise<void>;
  /** Encrypts a secret (a mailbox password) with the operating system's safe storage; text to store. */
  protectSecret(plain: string): string;
  /** The secret back from what protectSecret returned; throws when this machine cannot read it. */
  revealSecret(stored: string): string;
  /** Opens the folder of the app's log files in the system's file manager. */
  openLogFolder(): Promise<void>;
  /** Puts text on the system clipboard (the page itself is granted no clipboard permission). */
  copyText(text: string): Promise<void>;
  /** Prints what the window shows, with the system's print dialog. */
  printWindow(): Promise<void>;
  /** What the window shows, laid out on the pages its print style asks for, as a PDF. */
  renderWindowPdf(): Promise<Uint8Array>;
}
