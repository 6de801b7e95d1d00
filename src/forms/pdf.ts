/** The PDF document and its CJK font: the only I/O of this module is reading the font file. */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { RenderOptions } from './forms.ts';

export const DEFAULT_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_FONT_NAME = 'NotoSansCJKsc-Regular';
/** The name the font is registered under in every document. */
export const FONT = 'cjk';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

const fontFiles = new Map<string, Buffer>();

/** Reads (once per process) the font file; a missing file is an Error that says what to install. */
export function loadFont(path: string = DEFAULT_FONT_PATH): Buffer {
  let data = fontFiles.get(path);
  if (!data) {
    try {
      data = readFileSync(path);
    } catch (e) {
      throw new Error(
        `CJK font not found at ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)}): ` +
          'install Debian\'s fonts-noto-cjk (apt-get install fonts-noto-cjk) or pass fontPath',
      );
    }
    fontFiles.set(path, data);
  }
  return data;
}

export interface FormDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves to its bytes. */
  finish(): Promise<Buffer>;
}

export interface DocumentSetup extends RenderOptions {
  title: string;
  landscape?: boolean;
  /** Recorded as the PDF's creation date so that the same data gives the same bytes (the clock is never read). */
  date?: string;
}

/** Creates an A4 document with the CJK font registered once and selected. Pages are buffered (for page numbers). */
export function createDocument(setup: DocumentSetup): FormDocument {
  const font = loadFont(setup.fontPath);
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.landscape ? 'landscape' : 'portrait',
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: setup.title,
      Creator: 'peixun',
      Producer: 'peixun (PDFKit)',
      CreationDate: documentDate(setup.date),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(FONT, font, setup.fontName ?? DEFAULT_FONT_NAME);
    doc.font(FONT);
  } catch (e) {
    throw new Error(`cannot use font ${setup.fontName ?? DEFAULT_FONT_NAME} from ${setup.fontPath ?? DEFAULT_FONT_PATH}: ${String(e)}`);
  }
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Adds a page of the same size and orientation as the first, with no margins (everything is placed absolutely). */
export function addPage(doc: PDFKit.PDFDocument, landscape = false): void {
  doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 0 });
  doc.font(FONT);
}

/** Text options that never let pdfkit add a page on its own. */
export const NO_AUTO_PAGE = { height: 1e5 } as const;

/** Writes one block of text at (x, y) within width; returns the y below it. */
export function textAt(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { size?: number; align?: 'left' | 'center' | 'right' | 'justify'; color?: string } = {},
): number {
  doc.font(FONT).fontSize(opts.size ?? 10.5).fillColor(opts.color ?? 'black');
  const o = { width, align: opts.align ?? 'left', ...NO_AUTO_PAGE };
  const h = doc.heightOfString(text, o);
  doc.text(text, x, y, o);
  return y + h;
}

// ---- formatting -------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(s: string, field = 'date'): [number, number, number] {
  const m = ISO_DATE.exec(s);
  if (!m) throw new Error(`${field}: expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new Error(`${field}: ${s} is not a calendar date`);
  }
  return [y, mo, d];
}

function documentDate(s: string | undefined): Date {
  if (!s) return new Date(0);
  const [y, m, d] = parseDate(s);
  return new Date(Date.UTC(y, m - 1, d));
}

export const BLANK_DATE = '        年      月      日';

/** '2024-11-01' → '2024年11月1日'; absent → a blank to fill in by hand. */
export function formatDate(s: string | undefined, field?: string): string {
  if (!s) return BLANK_DATE;
  const [y, m, d] = parseDate(s, field);
  return `${y}年${m}月${d}日`;
}

/** 'YYYY-MM' or 'YYYY-MM-DD' → '1990年5月'. */
export function formatMonth(s: string | undefined, field = 'birthMonth'): string {
  if (!s) return '';
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`${field}: expected YYYY-MM, got ${JSON.stringify(s)}`);
  if (s.length > 7) parseDate(s, field);
  return `${Number(m[1])}年${Number(m[2])}月`;
}

/** 培训起止时间: '2024年11月1日 — 11月15日' (the end repeats the year only when it differs). */
export function formatDateRange(start: string, end: string): string {
  const [y1] = parseDate(start, 'startDate');
  const [y2, m2, d2] = parseDate(end, 'endDate');
  if (end < start) throw new Error(`endDate ${end} is before startDate ${start}`);
  return `${formatDate(start)} — ${y1 === y2 ? `${m2}月${d2}日` : formatDate(end)}`;
}
