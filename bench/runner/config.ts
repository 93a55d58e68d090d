/** What one bench invocation runs: sizes per mode, fixed so runs compare across commits. */
export interface BenchConfig {
  readonly quick: boolean;
  readonly seed: number;
  readonly repeats: number;
  /** Domains of section 1 and 2. */
  readonly domains: readonly string[];
  /** Worker counts of section 1. */
  readonly workers: readonly number[];
  /** Main-topic events per generation run, by domain (the slow domains get fewer so the run stays bounded). */
  readonly generationEvents: Readonly<Record<string, number>>;
  readonly codecEvents: number;
  readonly kafkaEvents: number;
  readonly kafkaRounds: number;
  /** Start the local broker when none answers (full mode only: a start costs tens of seconds). */
  readonly startBroker: boolean;
  readonly rateSeconds: number;
  readonly sections: ReadonlySet<number>;
}

const FAST_DOMAIN_EVENTS = 2_000_000;
const SLOW_DOMAIN_EVENTS = 300_000;

/** The full (`make bench`, ≤ ~10 min) or quick (`make bench-quick`, ≤ ~1 min) configuration. */
export function benchConfig(quick: boolean, domainNames: readonly string[], cores: number): BenchConfig {
  const allWorkers = Array.from({ length: cores }, (_, i) => i + 1);
  return {
    quick,
    seed: 42,
    repeats: 3,
    domains: quick ? ['content'] : domainNames,
    workers: quick ? [...new Set([1, cores])] : allWorkers,
    // On the 2-core reference machine content generates 2.5–5× faster than the other domains.
    generationEvents: Object.fromEntries(
      domainNames.map((d) => [d, quick ? 500_000 : d === 'content' ? FAST_DOMAIN_EVENTS : SLOW_DOMAIN_EVENTS]),
    ),
    codecEvents: 20_000,
    kafkaEvents: quick ? 100_000 : 500_000,
    kafkaRounds: quick ? 1 : 5,
    startBroker: !quick,
    rateSeconds: 15,
    sections: new Set(quick ? [1, 3] : [1, 2, 3, 4, 5]),
  };
}
