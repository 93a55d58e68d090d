import { StreamgenError } from '../errors.js';
import { isSink, type SinkContext, type SinkFactory } from './sink.js';

interface SinkModule {
  readonly [factory: string]: unknown;
}

/** Sink registry: one lazy line per sink, so a run loads only the sink it uses (kafkajs only for kafka). */
const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  null: async () => ((await import('./null/index.js')) as SinkModule).createNullSink,
  stdout: async () => ((await import('./stdout/index.js')) as SinkModule).createStdoutSink,
  files: async () => ((await import('./files/index.js')) as SinkModule).createFilesSink,
  kafka: async () => ((await import(KAFKA_MODULE)) as SinkModule).createKafkaSink,
};

/** Kept in a variable so this file compiles whether or not the Kafka sink is built yet. */
const KAFKA_MODULE = './kafka/index.js';

/** Names accepted by --sink. */
export const sinkNames: readonly string[] = Object.keys(loaders);

/** The factory of a sink by name; every sink it builds is checked against the Sink interface. */
export async function loadSink(name: string): Promise<SinkFactory> {
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (load === undefined) {
    throw new StreamgenError('SG_ERR_CONFIG_ENUM', `--sink must be one of ${sinkNames.join(', ')}; got ${JSON.stringify(name)}`);
  }
  const factory = await load();
  if (typeof factory !== 'function') throw new StreamgenError('SG_ERR_INTERNAL', `sink module "${name}" exports no factory`);
  return (ctx: SinkContext) => {
    const sink: unknown = factory(ctx);
    if (!isSink(sink)) throw new StreamgenError('SG_ERR_INTERNAL', `sink "${name}" does not implement open, write, flush, close and stats`);
    return sink;
  };
}
