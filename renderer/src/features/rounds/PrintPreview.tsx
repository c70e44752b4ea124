import { useState } from 'react';
import { usePrint, useSavePdf } from '../../app/queries';
import { appendixParts, documentText, type AppendixTable } from '../../../../shared/domain/appendix';
import { useAppendix } from './queries';
import { text } from './text';
import type { OfficeProfile } from '../../../../shared/domain/office';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SavedNotice } from '../../ui/SavedNotice';

/**
 * The appendix as it prints: A4 with the Decree's margins (landscape when wide), the header row
 * repeated on every page, page numbers from page 2 (CSS page margin boxes). Printing and "Lưu PDF"
 * lay out this very page.
 */
export function PrintPreview({ roundId, name }: { roundId: number; name: string }) {
  const [byUnit, setByUnit] = useState(false);
  const appendix = useAppendix(roundId, byUnit);
  const print = usePrint();
  const pdf = useSavePdf();
  const a = appendix.data;
  const t = text.print;
  return (
    <div className="print-preview">
      <div className="toolbar no-print">
        <label className="inline">
          <input type="checkbox" checked={byUnit} onChange={(e) => setByUnit(e.target.checked)} /> {t.byUnit}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => print.mutate()} disabled={!a || print.isPending}>
          {t.print}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => pdf.mutate(t.pdfName(name, byUnit))}
          disabled={!a || pdf.isPending}
        >
          {t.savePdf}
        </button>
      </div>
      {pdf.data && (
        <div className="no-print">
          <SavedNotice path={pdf.data} message={t.pdfSaved(pdf.data)} />
        </div>
      )}
      <div className="no-print">
        <ErrorMessage error={appendix.error ?? print.error ?? pdf.error} />
      </div>
      {a && <AppendixPages table={a.table} office={a.office} landscape={a.landscape} />}
    </div>
  );
}

function AppendixPages({
  table,
  office,
  landscape,
}: {
  table: AppendixTable;
  office: OfficeProfile;
  landscape: boolean;
}) {
  return (
    <article className={`sheet ${landscape ? 'sheet-landscape' : ''}`} data-testid="print-sheet">
      {/* The page rule follows the table: portrait, or landscape when it has many columns. */}
      <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt 'Times New Roman', 'Liberation Serif', serif; } } @page :first { @top-center { content: none; } }`}</style>
      <table className="doc-header">
        <tbody>
          <tr>
            <td>
              <div>{office.parentBody || documentText.missing}</div>
              <div className="bold underline">{office.officeName || documentText.missing}</div>
            </td>
            <td>
              <div className="bold">{documentText.nationalTitle}</div>
              <div className="bold underline motto">{documentText.motto}</div>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="doc-label">{table.label}</div>
      <div className="doc-title">{table.title}</div>
      <div className="doc-caption">{table.caption}</div>
      {appendixParts(table).map((part, n) => (
        <section key={n} className={`doc-part ${n > 0 ? 'page-break' : ''}`}>
          {part.heading && <div className="doc-part-heading">{part.heading}</div>}
          {/* Many value columns are set smaller, as in Word, so the content keeps room to read. */}
          <table className={`doc-table ${part.columns.length > 6 ? 'wide' : ''}`}>
            <thead>
              <tr>
                {documentText.tableHeads.map((h) => (
                  <th key={h}>{h}</th>
                ))}
                {part.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {part.rows.map((r, i) => (
                <tr key={i} className={`${r.heading && !r.italic ? 'bold' : ''} ${r.italic ? 'italic' : ''}`}>
                  <td className="center">{r.numbering ?? ''}</td>
                  <td style={{ paddingLeft: `${4 + Math.min(r.level, 4) * 8}px` }}>{r.text}</td>
                  <td className="center">{r.unit ?? ''}</td>
                  {r.values.map((v, k) => (
                    <td key={k} className={`num ${part.totalLast && k === r.values.length - 1 ? 'bold' : ''}`}>
                      {formatFigure(v, 'decimal')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <table className="doc-signatures">
        <tbody>
          <tr>
            <td>
              <div className="bold">{documentText.preparer}</div>
              <div className="sign-space" />
              <div className="bold">{office.preparerName}</div>
            </td>
            <td>
              {office.signAuthority && <div className="bold">{office.signAuthority}</div>}
              <div className="bold">{office.signerTitle || documentText.defaultSignerTitle}</div>
              <div className="sign-space" />
              <div className="bold">{office.signerName}</div>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
