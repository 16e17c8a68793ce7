/** Messages between the coordinator (bench/run.ts) and generator processes (bench/gen/worker.ts). */

export interface GenClient {
  token: string;
  /** Index into the worker's `wsUrls`: which server instance this client connects to. */
  instance: number;
}

export interface GenRoom {
  id: string;
  members: GenClient[];
}

export interface InitMessage {
  type: 'init';
  workerId: number;
  target: 'parley' | 'raw';
  wsUrls: string[];
  httpUrls: string[];
  rooms: GenRoom[];
  runId: string;
  /** Connections opened at once while connecting. */
  connectConcurrency: number;
  /** Cap on concurrent sendMessage requests; beyond it sends are counted as `dropped`, never queued. */
  maxInflight: number;
  /** The `roomEvents` subscription document each Parley subscriber sends (variable `$roomId`). */
  subscription: string;
  /** The `sendMessage` document Parley's senders post (variable `$input`). */
  sendMutation: string;
  /** Keep each measured send's clientId and absolute send time for `fanout --stages`. */
  traceSends?: boolean;
}

export type Command =
  | InitMessage
  | { type: 'connect' }
  | { type: 'warmup'; rounds: number; roundTimeoutMs: number }
  | { type: 'send'; rate: number; durationS: number }
  | { type: 'status' }
  | { type: 'reset' }
  | { type: 'report' }
  | { type: 'close' };

export interface WorkerStatus {
  received: number;
  expected: number;
}

export interface WorkerReport {
  workerId: number;
  connections: number;
  connectFailed: number;
  /** Connections that closed or errored after connecting. */
  dropped: number;
  sent: number;
  sendOk: number;
  sendErrors: number;
  /** Sends skipped because `maxInflight` requests were already pending (generator or server saturated). */
  sendSkipped: number;
  expected: number;
  received: number;
  /** Deliveries whose `seq` was not above the previous one on the same subscription. */
  outOfOrder: number;
  /** Events a subscription yielded as errors. */
  subscriptionErrors: number;
  /** Delivery latency in µs, hdr-histogram compressed base64. */
  latency: string;
  /** sendMessage request round trip in µs, hdr-histogram compressed base64. */
  sendLatency: string;
  /**
   * Deliveries by the second (since sending started) their message was sent
   * in: count, summed and largest latency in µs, index = second.
   */
  timeline: { count: number[]; sumUs: number[]; maxUs: number[] };
  /** Generator event-loop delay p99 / max in ms (a busy generator inflates latency). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  firstError: string | undefined;
  /** With `traceSends`: [clientId, send time in ms since the epoch (timeOrigin + now)] per measured send. */
  sendTimes?: Array<[string, number]>;
}

export type Reply =
  | { type: 'connected'; ok: number; failed: number; ms: number; firstError?: string | undefined }
  | { type: 'warm'; warm: number; total: number; rounds: number }
  | { type: 'sent' }
  | { type: 'reset' }
  | ({ type: 'status' } & WorkerStatus)
  | { type: 'report'; report: WorkerReport }
  | { type: 'error'; message: string };
