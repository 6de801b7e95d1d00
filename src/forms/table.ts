/**
 * Ruled tables for the printed forms: a grid of columns, cells that span columns and rows, text wrapped within
 * its cell and centred vertically, rows as tall as their content, and (optionally) page breaks that repeat the
 * header rows. Also the cell contents the forms share: check boxes and "text at the top, signatures at the
 * bottom" boxes.
 */
import { FONT, NO_AUTO_PAGE } from './pdf.ts';

type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Custom content of a cell: how tall it is at a given width, and how to paint it into its (inner) box. */
export interface CellContent {
  height(doc: Doc, width: number): number;
  draw(doc: Doc, box: Box): void;
}

export interface Cell {
  text?: string;
  content?: CellContent;
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  valign?: 'top' | 'middle' | 'bottom';
  fontSize?: number;
  color?: string;
}

export interface Row {
  cells: Cell[];
  /** At least this tall (the table's minRowHeight otherwise). */
  minHeight?: number;
}

export interface TableSpec {
  x: number;
  y: number;
  /** Column widths in points; cells span them. */
  columns: number[];
  rows: Row[];
  /** The first rows are the header, drawn again at the top of every new page. */
  headerRows?: number;
  fontSize?: number;
  /** Inner padding of every cell. */
  padding?: number;
  minRowHeight?: number;
  lineWidth?: number;
  /** Lowest y the table may reach on a page; with onPageBreak, rows that do not fit go to a new page. */
  bottom?: number;
  /** Adds a page, draws what belongs above the table, and returns the y where the table goes on. */
  onPageBreak?: () => number;
}

interface Placed {
  cell: Cell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

const DEFAULTS = { fontSize: 10.5, padding: 4, minRowHeight: 24, lineWidth: 0.75 };

/** Height of wrapped text in the table font. */
export function textHeight(doc: Doc, text: string, width: number, size: number, align: Align = 'left'): number {
  doc.font(FONT).fontSize(size);
  return doc.heightOfString(text, { width, align, ...NO_AUTO_PAGE });
}

/** Places cells on the grid, honouring earlier row spans. */
function place(spec: TableSpec): Placed[] {
  const ncols = spec.columns.length;
  const taken: boolean[][] = spec.rows.map(() => new Array<boolean>(ncols).fill(false));
  const placed: Placed[] = [];
  spec.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < ncols && taken[r][c]) c++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (c + colSpan > ncols) throw new Error(`table row ${r}: cells span more than ${ncols} columns`);
      if (r + rowSpan > spec.rows.length) throw new Error(`table row ${r}: a cell spans past the last row`);
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) taken[i][j] = true;
      placed.push({ cell, row: r, col: c, colSpan, rowSpan });
      c += colSpan;
    }
  });
  return placed;
}

function contentHeight(doc: Doc, cell: Cell, innerWidth: number, fontSize: number): number {
  if (cell.content) return cell.content.height(doc, innerWidth);
  if (!cell.text) return 0;
  return textHeight(doc, cell.text, innerWidth, cell.fontSize ?? fontSize, cell.align ?? 'center');
}

/** Row heights: each row fits its single-row cells; a spanning cell stretches the last row it covers. */
function rowHeights(doc: Doc, spec: TableSpec, placed: Placed[], colX: number[]): number[] {
  const pad = spec.padding ?? DEFAULTS.padding;
  const size = spec.fontSize ?? DEFAULTS.fontSize;
  const heights = spec.rows.map((r) => r.minHeight ?? spec.minRowHeight ?? DEFAULTS.minRowHeight);
  const inner = (p: Placed) => colX[p.col + p.colSpan] - colX[p.col] - 2 * pad;
  for (const p of placed.filter((p) => p.rowSpan === 1)) {
    heights[p.row] = Math.max(heights[p.row], contentHeight(doc, p.cell, inner(p), size) + 2 * pad);
  }
  for (const p of placed.filter((p) => p.rowSpan > 1)) {
    const need = contentHeight(doc, p.cell, inner(p), size) + 2 * pad;
    let have = 0;
    for (let i = p.row; i < p.row + p.rowSpan; i++) have += heights[i];
    if (need > have) heights[p.row + p.rowSpan - 1] += need - have;
  }
  return heights;
}

/** Groups rows into blocks that a page break may not split (rows tied together by row spans). */
function blocks(nrows: number, placed: Placed[], from: number): Array<[number, number]> {
  const reach = new Array<number>(nrows).fill(0).map((_, i) => i);
  for (const p of placed) reach[p.row] = Math.max(reach[p.row], p.row + p.rowSpan - 1);
  const out: Array<[number, number]> = [];
  let r = from;
  while (r < nrows) {
    let end = reach[r];
    for (let i = r; i <= end; i++) end = Math.max(end, reach[i]);
    out.push([r, end]);
    r = end + 1;
  }
  return out;
}

function drawCell(doc: Doc, p: Placed, box: Box, spec: TableSpec): void {
  const pad = spec.padding ?? DEFAULTS.padding;
  doc.lineWidth(spec.lineWidth ?? DEFAULTS.lineWidth).strokeColor('black');
  doc.rect(box.x, box.y, box.width, box.height).stroke();
  const inner: Box = { x: box.x + pad, y: box.y + pad, width: box.width - 2 * pad, height: box.height - 2 * pad };
  const { cell } = p;
  if (cell.content) {
    cell.content.draw(doc, inner);
    return;
  }
  if (!cell.text) return;
  const size = cell.fontSize ?? spec.fontSize ?? DEFAULTS.fontSize;
  const align = cell.align ?? 'center';
  const h = textHeight(doc, cell.text, inner.width, size, align);
  const valign = cell.valign ?? 'middle';
  const y = valign === 'top' ? inner.y : valign === 'bottom' ? inner.y + inner.height - h : inner.y + (inner.height - h) / 2;
  doc.fillColor(cell.color ?? 'black');
  doc.text(cell.text, inner.x, y, { width: inner.width, align, ...NO_AUTO_PAGE });
  doc.fillColor('black');
}

/** Draws the table (breaking pages if asked to) and returns the y just below it on its last page. */
export function drawTable(doc: Doc, spec: TableSpec): number {
  const colX = [spec.x];
  for (const w of spec.columns) colX.push(colX[colX.length - 1] + w);
  const placed = place(spec);
  const heights = rowHeights(doc, spec, placed, colX);
  const headerRows = spec.headerRows ?? 0;
  const byRow = new Map<number, Placed[]>();
  for (const p of placed) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);

  const drawRows = (first: number, last: number, top: number): number => {
    const rowY: number[] = [];
    let y = top;
    for (let r = first; r <= last; r++) {
      rowY[r] = y;
      y += heights[r];
    }
    for (let r = first; r <= last; r++) {
      for (const p of byRow.get(r) ?? []) {
        let h = 0;
        for (let i = p.row; i < p.row + p.rowSpan; i++) h += heights[i];
        drawCell(doc, p, { x: colX[p.col], y: rowY[r], width: colX[p.col + p.colSpan] - colX[p.col], height: h }, spec);
      }
    }
    return y;
  };
  const sum = (a: number, b: number) => heights.slice(a, b + 1).reduce((s, h) => s + h, 0);

  let y = spec.y;
  if (headerRows > 0) y = drawRows(0, headerRows - 1, y);
  // Each block that does not fit goes to a new page (one break per block: a block taller than a page overflows).
  for (const [a, b] of blocks(spec.rows.length, placed, headerRows)) {
    if (spec.bottom !== undefined && spec.onPageBreak && y + sum(a, b) > spec.bottom) {
      y = spec.onPageBreak();
      if (headerRows > 0) y = drawRows(0, headerRows - 1, y);
    }
    y = drawRows(a, b, y);
  }
  return y;
}

// ---- shared cell contents ----------------------------------------------------------------------------------

export interface CheckItem {
  label: string;
  checked: boolean;
}

/** A square check box at (x, y) of the given size, with a tick when checked. */
export function drawCheckbox(doc: Doc, x: number, y: number, size: number, checked: boolean): void {
  doc.save();
  doc.lineWidth(0.7).strokeColor('black');
  doc.rect(x, y, size, size).stroke();
  if (checked) {
    doc.lineWidth(1.3).lineJoin('round').lineCap('round');
    doc
      .moveTo(x + size * 0.18, y + size * 0.52)
      .lineTo(x + size * 0.42, y + size * 0.78)
      .lineTo(x + size * 0.85, y + size * 0.2)
      .stroke();
  }
  doc.restore();
}

/** Check boxes laid out in `columns` columns, row by row, each label wrapped within its column. */
export function checkboxes(items: CheckItem[], columns: number, fontSize = DEFAULTS.fontSize, rowGap = 3): CellContent {
  const box = fontSize * 0.85;
  const gap = fontSize * 0.35;
  const layout = (doc: Doc, width: number) => {
    const colW = width / columns;
    const labelW = Math.max(colW - box - gap - 4, fontSize);
    const rows: Array<{ items: CheckItem[]; height: number }> = [];
    for (let i = 0; i < items.length; i += columns) {
      const slice = items.slice(i, i + columns);
      const height = Math.max(...slice.map((it) => textHeight(doc, it.label, labelW, fontSize)));
      rows.push({ items: slice, height });
    }
    return { colW, labelW, rows };
  };
  return {
    height(doc, width) {
      const { rows } = layout(doc, width);
      return rows.reduce((s, r) => s + r.height, 0) + rowGap * Math.max(rows.length - 1, 0);
    },
    draw(doc, b) {
      const { colW, labelW, rows } = layout(doc, b.width);
      const total = rows.reduce((s, r) => s + r.height, 0) + rowGap * Math.max(rows.length - 1, 0);
      let y = b.y + Math.max((b.height - total) / 2, 0);
      const lineH = textHeight(doc, '国', 100, fontSize);
      for (const row of rows) {
        row.items.forEach((it, i) => {
          const x = b.x + i * colW;
          drawCheckbox(doc, x, y + (lineH - box) / 2 + fontSize * 0.04, box, it.checked);
          doc.font(FONT).fontSize(fontSize).fillColor('black');
          doc.text(it.label, x + box + gap, y, { width: labelW, ...NO_AUTO_PAGE });
        });
        y += row.height + rowGap;
      }
    },
  };
}

export interface Para {
  text: string;
  align?: Align;
  fontSize?: number;
  /** Space above this paragraph. */
  gap?: number;
}

/** Paragraphs stacked from the top of the box, and others anchored to its bottom (signatures, dates). */
export function topAndBottom(top: Para[], bottom: Para[], minGap = 12, fontSize = DEFAULTS.fontSize): CellContent {
  const heightOf = (doc: Doc, paras: Para[], width: number) =>
    paras.reduce((s, p) => s + (p.gap ?? 0) + textHeight(doc, p.text, width, p.fontSize ?? fontSize, p.align), 0);
  const drawParas = (doc: Doc, paras: Para[], x: number, y: number, width: number) => {
    for (const p of paras) {
      y += p.gap ?? 0;
      const size = p.fontSize ?? fontSize;
      const h = textHeight(doc, p.text, width, size, p.align);
      doc.fillColor('black').text(p.text, x, y, { width, align: p.align ?? 'left', ...NO_AUTO_PAGE });
      y += h;
    }
  };
  return {
    height: (doc, width) => heightOf(doc, top, width) + minGap + heightOf(doc, bottom, width),
    draw(doc, b) {
      drawParas(doc, top, b.x, b.y, b.width);
      drawParas(doc, bottom, b.x, b.y + b.height - heightOf(doc, bottom, b.width), b.width);
    },
  };
}
