/** loss-summary-incidents-by-type-2025-07-01-2026-06-30.csv */
export function csvFileName(tile: string, period: { from: string; to: string }): string {
  return `loss-summary-${tile}-${period.from}-${period.to}.csv`;
}

/** Saves rows as a CSV file through the browser's download; the CSV writer loads with the first export, not with the page. */
export async function downloadCsv(fileName: string, rows: readonly Record<string, string | number | null>[]): Promise<void> {
  const { default: Papa } = await import("papaparse");
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (labels such as "18–24").
  const text = `\uFEFF${Papa.unparse(rows as Record<string, unknown>[], { newline: "\r\n" })}`;
  downloadBlob(fileName, new Blob([text], { type: "text/csv;charset=utf-8" }));
}

/** Saves a file the page holds through the browser's download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
