import type { LatencySummary } from './latency.js';
import type { StatsSample } from './stats-series.js';

/** Everything one refresh of the live view shows. */
export interface LiveState {
  readonly sample: StatsSample;
  readonly mainTopic: string;
  /** Run latency so far (all windows). */
  readonly total: LatencySummary | null;
  /** Share of a bounded run done (0..1), null when unbounded. */
  readonly progress: number | null;
  /** Lag (ms) beyond which the view and the log call the sink behind. */
  readonly behindMs: number;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (x: number | null): string => (x === null ? '-' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const BAR_WIDTH = 30;

/** ETA text for a bounded run: remaining wall time at the pace so far. */
function eta(progress: number, elapsedS: number): string {
  if (progress <= 0) return '?';
  const left = Math.max(0, (elapsedS * (1 - progress)) / progress);
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = Math.floor(left % 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s).padStart(2, '0')}s`;
}

/** The lines of one screen of the TTY live view. */
export function renderLiveView(x: LiveState): string[] {
  const s = x.sample;
  const lines = [
    `streamgen  ${s.t.toFixed(0)} s   ${x.mainTopic}: ${fmt(s.rate)}/s now${s.target === null ? '' : ` vs ${fmt(s.target)}/s target`}   ${fmt(s.records)} total`,
    `latency    window p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  p999 ${ms(s.p999)}   run p99 ${ms(x.total?.p99Ms ?? null)}  max ${ms(x.total?.maxMs ?? null)}`,
    `process    rss ${(s.rss / 1048576).toFixed(0)} MiB   cpu ${s.cpu.toFixed(0)}%   failed ${fmt(s.failed)}${s.lagMs > x.behindMs ? `   BEHIND by ${(s.lagMs / 1000).toFixed(1)} s (sink cannot keep up)` : ''}`,
  ];
  for (const [name, acked] of Object.entries(s.topics)) lines.push(`  ${name.padEnd(24)} ${fmt(acked).padStart(14)} acked`);
  if (x.progress !== null) {
    const p = Math.min(1, Math.max(0, x.progress));
    const filled = Math.round(p * BAR_WIDTH);
    lines.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(p * 100).toFixed(1)}%  ETA ${eta(p, s.t)}`);
  }
  return lines;
}

/** One plain log line for non-TTY output. */
export function formatProgressLine(x: LiveState): string {
  const s = x.sample;
  const target = s.target === null ? '' : ` (target ${fmt(s.target)}/s)`;
  const latency = s.p99 === null ? '' : `, p99 ${ms(s.p99)}`;
  const behind = s.lagMs > x.behindMs ? `, behind by ${(s.lagMs / 1000).toFixed(1)} s` : '';
  const progress = x.progress === null ? '' : `, ${(Math.min(1, x.progress) * 100).toFixed(1)}% done`;
  return `streamgen: ${fmt(s.records)} ${x.mainTopic} records in ${s.t.toFixed(1)} s, ${fmt(s.rate)}/s now${target}${latency}, ${fmt(s.failed)} failed${behind}${progress}`;
}

/** A redrawable block of lines at the bottom of a terminal; log lines print above it. */
export interface LiveScreen {
  draw(lines: readonly string[]): void;
  log(line: string): void;
  /** Leave the last screen in place and stop redrawing. */
  done(): void;
}

/** A LiveScreen on a TTY stream: moves the cursor up over the previous screen and clears down. */
export function createLiveScreen(stream: NodeJS.WritableStream): LiveScreen {
  let drawn = 0;
  const clear = (): void => {
    if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  return {
    draw(lines) {
      clear();
      stream.write(lines.join('\n') + '\n');
      drawn = lines.length;
    },
    log(line) {
      clear();
      stream.write(line + '\n');
    },
    done() {
      drawn = 0;
    },
  };
}
