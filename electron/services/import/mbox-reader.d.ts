/** The part of mbox-reader 1.2 this project uses (the package ships no types). */
declare module 'mbox-reader' {
  export interface MboxMessage {
    returnPath: string | null;
    time: Date | false;
    content: Buffer;
    flags: string[];
    labels: string[];
    headers: Map<string, string[]>;
  }
  export function mboxReader(input: NodeJS.ReadableStream, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>;
}
