import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDuration } from '../config/value-parsers.js';
import { StreamgenError, isStreamgenError } from '../errors.js';
import type { ChaosController } from './chaos-controller.js';

/** A running control API; close() is idempotent. */
export interface ControlApi {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The runtime chaos control API (issue 5), bound to loopback by default:
 *   GET  /scenarios                                  status of every activation and the scenarios available
 *   POST /scenarios/NAME/start?duration=10m&k=v      start a scenario now (parameters as query strings)
 *   POST /scenarios/NAME/stop                        stop its running activations now
 * Changes take effect at the next step (within ~100 ms on the real clock).
 */
export async function startControlApi(chaos: ChaosController, available: readonly string[], host: string, port: number): Promise<ControlApi> {
  const server: Server = createServer((req, res) => handle(chaos, available, req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new StreamgenError('SG_ERR_CONFIG_CONFLICT', `--control-port ${port} cannot be bound on ${host} (${code}); choose another port, or 0 for a free one`, { cause: err });
  }
  const addr = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${addr.address}:${addr.port}`,
    close: () => (closed ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })),
  };
}

function handle(chaos: ChaosController, available: readonly string[], req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://control');
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body) + '\n');
  };
  try {
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && parts.length === 1 && parts[0] === 'scenarios') {
      reply(200, { timeline_ts: new Date(chaos.nowMs).toISOString(), available, scenarios: chaos.status() });
    } else if (req.method === 'POST' && parts.length === 3 && parts[0] === 'scenarios' && parts[2] === 'start') {
      const params: Record<string, string> = {};
      let durationMs: number | null = null;
      for (const [k, v] of url.searchParams) {
        if (k === 'duration') durationMs = parseDuration(v, 'duration');
        else params[k] = v;
      }
      reply(200, chaos.start(decodeURIComponent(parts[1]), params, durationMs));
    } else if (req.method === 'POST' && parts.length === 3 && parts[0] === 'scenarios' && parts[2] === 'stop') {
      reply(200, { stopped: chaos.stop(decodeURIComponent(parts[1])) });
    } else {
      reply(404, { error: 'routes: GET /scenarios, POST /scenarios/NAME/start?duration=10m&param=value, POST /scenarios/NAME/stop' });
    }
  } catch (err) {
    if (isStreamgenError(err)) reply(400, { error: err.message, code: err.code });
    else reply(500, { error: String(err) });
  }
}
