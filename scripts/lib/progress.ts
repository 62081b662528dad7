import cliProgress from "cli-progress";
import type { ProgressEvent } from "../../lib/generator/generate";

const fmt = new Intl.NumberFormat("en-US");

/** Prints one line per finished step and a progress bar while a long step reports ticks. */
export function progressPrinter(prefix: string) {
  let bar: cliProgress.SingleBar | null = null;
  return (event: ProgressEvent) => {
    if (event.kind === "tick") {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `  ${event.step} [{bar}] {percentage}% {value}/{total}`, noTTYOutput: false, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.total, event.done);
      } else {
        bar.update(event.done);
      }
      return;
    }
    if (event.kind === "end") {
      bar?.stop();
      bar = null;
      const rows = event.rows === undefined ? "" : ` ${fmt.format(event.rows)} rows`;
      console.log(`${prefix} ✓ ${event.step}${rows} (${(event.ms / 1000).toFixed(1)} s)`);
    }
  };
}

export function formatNumber(n: number): string {
  return fmt.format(n);
}
