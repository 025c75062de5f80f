import { writeFileSync } from 'node:fs';
import type { ApiClient } from '../api-client.js';
import { callApi } from '../api-client.js';
import { CliError } from '../env.js';

export interface ReportLine {
  readonly line: number;
  readonly outcome: 'rejected' | 'imported_with_note';
  readonly reason: string;
}

const PAGE = 5000;
/** Lines printed when no `--report` file was asked for. */
export const PRINTED_REPORT_LINES = 50;

/** The whole report of a job, page by page. */
export async function fetchReport(client: ApiClient, apiUrl: string, jobId: string): Promise<ReportLine[]> {
  const lines: ReportLine[] = [];
  let afterLine = 0;
  for (;;) {
    const page = await callApi(apiUrl, () => client.imports.report.query({ jobId, afterLine, limit: PAGE }));
    lines.push(...page.lines);
    if (page.nextAfterLine === null) return lines;
    afterLine = page.nextAfterLine;
  }
}

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes the report as CSV (`line,outcome,reason`). */
export function writeReport(path: string, lines: readonly ReportLine[]): void {
  const text = ['line,outcome,reason', ...lines.map((l) => `${l.line},${l.outcome},${csvField(l.reason)}`)].join('\n');
  try {
    writeFileSync(path, `${text}\n`);
  } catch (error) {
    throw new CliError(`cannot write the report to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export const describeReportLine = (l: ReportLine): string =>
  l.outcome === 'rejected'
    ? `  baris / line ${l.line}: ditolak / refused: ${l.reason}`
    : `  baris / line ${l.line}: diimpor dengan catatan / imported, note: ${l.reason}`;

/** Prints the report (the first lines) or writes it to `reportPath`. */
export function printOrWriteReport(lines: readonly ReportLine[], reportPath: string | undefined, jobId: string): void {
  if (lines.length === 0) return;
  if (reportPath) {
    writeReport(reportPath, lines);
    console.log(`Laporan / report: ${lines.length} lines written to ${reportPath}`);
    return;
  }
  for (const l of lines.slice(0, PRINTED_REPORT_LINES)) console.log(describeReportLine(l));
  if (lines.length > PRINTED_REPORT_LINES)
    console.log(
      `  … ${lines.length - PRINTED_REPORT_LINES} more lines: \`pulih import status ${jobId} --report FILE\` writes them all`,
    );
}
