import { existsSync } from 'node:fs';
import { DEFAULT_FONT_PATH } from '../forms/pdf.ts';

/**
 * Tests that need something from Debian (the CJK font for PDFs) run wherever it is installed, and always in CI
 * (`.ci/run` installs it), where its absence must fail rather than skip.
 */
export const canRenderPdf = existsSync(DEFAULT_FONT_PATH) || !!process.env.CI;
