/**
 * The error catalogue. Every failure the user can cause or meet has a code here.
 * An error prints as one line: `streamgen: <message> [<code>]`.
 * Codes are never reused; docs/errors.md documents each one (a test checks both ways).
 */

/** Exit code for bad input: the run never started. */
export const EXIT_BAD_INPUT = 2;
/** Exit code for a failure at run time (broker down, records failed). */
export const EXIT_RUNTIME = 1;
/** Exit code for a bug in streamgen itself. */
export const EXIT_INTERNAL = 70;

interface CatalogueEntry {
  readonly exitCode: number;
  readonly retriable: boolean;
  readonly meaning: string;
}

/** Code → what it means. The message itself is built where the error is raised. */
export const ERROR_CATALOGUE = {
  SG_ERR_CONFIG_UNKNOWN: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'An unknown flag, config key or command was given.' },
  SG_ERR_CONFIG_TYPE: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'A value has the wrong type or format (for example a rate that is not a number).' },
  SG_ERR_CONFIG_RANGE: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'A number is outside its allowed range (for example a negative rate).' },
  SG_ERR_CONFIG_ENUM: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'A value is not one of the allowed choices.' },
  SG_ERR_CONFIG_CONFLICT: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'Two options cannot be used together.' },
  SG_ERR_CONFIG_FILE: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'The config file cannot be read or is not valid YAML/JSON.' },
  SG_ERR_OUT_UNWRITABLE: { exitCode: EXIT_BAD_INPUT, retriable: false, meaning: 'The output directory cannot be created or written.' },
  SG_ERR_KAFKA_CONNECT: { exitCode: EXIT_RUNTIME, retriable: true, meaning: 'The Kafka cluster could not be reached within the connect timeout.' },
  SG_ERR_KAFKA_VERSION: { exitCode: EXIT_RUNTIME, retriable: false, meaning: 'The broker does not offer the Produce API version streamgen sends (v3, Kafka 0.11 or later).' },
  SG_ERR_KAFKA_TOPIC: { exitCode: EXIT_RUNTIME, retriable: false, meaning: 'A topic could not be created or described.' },
  SG_ERR_KAFKA_DELIVERY: { exitCode: EXIT_RUNTIME, retriable: false, meaning: 'Some records failed for good after all retries; they are counted in the report.' },
  SG_ERR_SINK_WRITE: { exitCode: EXIT_RUNTIME, retriable: false, meaning: 'A sink failed to write (disk full, closed pipe).' },
  SG_ERR_WORKER_FAILED: { exitCode: EXIT_RUNTIME, retriable: false, meaning: 'A worker thread stopped with an error.' },
  SG_ERR_INTERNAL: { exitCode: EXIT_INTERNAL, retriable: false, meaning: 'A bug in streamgen: please report it with the command line and --verbose output.' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error whose message is fit to show the user as is. */
export class StreamgenError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StreamgenError';
    this.code = code;
    this.exitCode = ERROR_CATALOGUE[code].exitCode;
    this.retriable = ERROR_CATALOGUE[code].retriable;
  }

  /** The one line printed to stderr. */
  toLine(): string {
    return `streamgen: ${this.message} [${this.code}]`;
  }
}

/** Guard for errors that carry a catalogue code. */
export function isStreamgenError(err: unknown): err is StreamgenError {
  return err instanceof StreamgenError;
}
