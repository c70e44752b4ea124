/**
 * English left in a message meant for the user: a reader library's own text ("Cannot read
 * properties of undefined", "Header Signature: Expected…"). Quoted parts (file names, a sender's
 * words) are left out, as are e-mail addresses, file names and the few terms the office uses as they are (Excel,
 * Word, Outlook, Message-ID, MB).
 */
const ENGLISH =
  /\b(the|of|is|are|not|cannot|can't|could|expected|undefined|null|invalid|error|failed|failure|unexpected|properties|property|reading|header|signature|offset|found|missing|unsupported|file|read|end|stream|corrupt(ed)?|zip|entry|sector|directory|buffer|length|type|value)\b/i;

export function englishIn(text: string): string | null {
  const own = text
    .replace(/"[^"]*"|«[^»]*»|“[^”]*”/g, '""')
    .replace(/[\w.+-]+@[\w.-]+/g, '')
    .replace(/\S+\.(xlsx|xlsm|xls|docx|doc|eml|msg|zip|mbox|pdf|db)\b/gi, '');
  return ENGLISH.exec(own)?.[0] ?? null;
}
