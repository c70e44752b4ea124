import { DOMParser, type Element } from '@xmldom/xmldom';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { fixLegacyTable, type SourceTable } from './source-table';
import { inflatePartText, openZip, ZipPartTooLarge } from './bounded-zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024;

function children(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === W)
      out.push(n as Element);
  }
  return out;
}

function firstChild(el: Element, localName: string): Element | null {
  return children(el, localName)[0] ?? null;
}

function attr(el: Element | null, name: string): string | null {
  return el ? el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) : null;
}

/** The text of a cell: its paragraphs joined by spaces, tabs and breaks as spaces, nested tables left out. */
function cellText(tc: Element): string {
  const parts: string[] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.namespaceURI !== W) continue;
      if (e.localName === 'tbl') continue;
      if (e.localName === 't') parts.push(e.textContent ?? '');
      else if (e.localName === 'tab' || e.localName === 'br' || e.localName === 'cr') parts.push(' ');
      else {
        walk(e);
        if (e.localName === 'p') parts.push(' ');
      }
    }
  };
  walk(tc);
  return cleanText(parts.join(''));
}

/**
 * Every table of a .docx as rectangular rows: a cell spanning columns (gridSpan) fills them all with
 * its text in the first and blanks after; a vertically merged cell continues as a blank.
 */
/** The text of the paragraphs before a table in the body (the document's title, caption, headings), in order. */
function linesAbove(tbl: Element): string[] {
  const lines: string[] = [];
  for (let el = tbl.previousSibling; el && lines.length < 12; el = el.previousSibling) {
    if (el.nodeType !== 1) continue;
    const e = el as Element;
    if (e.localName !== 'p') continue;
    const text = Array.from(e.getElementsByTagNameNS(W, 't') as unknown as ArrayLike<Element>)
      .map((x) => x.textContent ?? '')
      .join('')
      .trim();
    if (text) lines.unshift(text);
  }
  return lines;
}

export async function readDocxTables(fileName: string, bytes: Uint8Array): Promise<SourceTable[]> {
  let zip;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new AppError(
      'unsupported-file',
      `Không đọc được tệp Word "${fileName}": tệp bị hỏng hoặc không phải tệp .docx.`,
    );
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new AppError('unsupported-file', `Tệp "${fileName}" không phải văn bản Word (.docx).`);
  let xml: string;
  try {
    xml = await inflatePartText(entry, MAX_DOCUMENT_XML_BYTES);
  } catch (e) {
    if (e instanceof ZipPartTooLarge) {
      throw new AppError(
        'invalid-input',
        `Tệp "${fileName}" có nội dung quá lớn khi giải nén (giới hạn ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB); không đọc.`,
      );
    }
    // A damaged entry (wrong checksum or size) is found only when it is inflated.
    throw new AppError(
      'unsupported-file',
      `Không đọc được tệp Word "${fileName}": tệp bị hỏng (nội dung nén không khớp).`,
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096))) {
    throw new AppError(
      'invalid-input',
      `Tệp "${fileName}" có khai báo DOCTYPE/ENTITY không hợp lệ trong văn bản Word; không đọc.`,
    );
  }
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch {
    throw new AppError('unsupported-file', `Không đọc được nội dung văn bản Word "${fileName}".`);
  }
  const tables = Array.from(doc.getElementsByTagNameNS(W, 'tbl') as unknown as ArrayLike<Element>);
  return tables.map((tbl, t) => {
    const rows: SourceTable['rows'] = [];
    children(tbl, 'tr').forEach((tr, r) => {
      const cells: string[] = [];
      for (const tc of children(tr, 'tc')) {
        const props = firstChild(tc, 'tcPr');
        const span = Number(attr(props && firstChild(props, 'gridSpan'), 'val') ?? 1) || 1;
        const vMerge = props && firstChild(props, 'vMerge');
        const continues = vMerge !== null && attr(vMerge, 'val') !== 'restart';
        cells.push(continues ? '' : cellText(tc));
        for (let k = 1; k < Math.min(span, 50); k++) cells.push('');
      }
      rows.push({ cells, ref: r + 1 });
    });
    return fixLegacyTable({ name: `bảng ${t + 1}`, sheet: null, firstColumn: 0, rows, linesAbove: linesAbove(tbl) });
  });
}
