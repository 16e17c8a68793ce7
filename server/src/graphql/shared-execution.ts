/**
 * Executing (and serialising) a room event once per distinct selection
 * instead of once per subscriber.
 *
 * graphql-js' subscribe() runs execute() for every event and every
 * subscriber, and Mercurius then JSON-encodes each result: with rooms of 10,
 * ten identical executions per message. When a subscription's selection
 * cannot depend on who is looking, subscribers of the same event share one
 * execution result and one JSON encoding of it.
 *
 * Which selections qualify is decided per document (cached), from an
 * allowlist of fields whose resolvers read only the event payload
 * (`PAYLOAD_ONLY`), plus fields that depend on the viewer only through
 * "is the viewer this user" (`SELF_ONLY`: Message.clientId, User.isMe, the
 * private User fields). For the latter the result is shared per class of
 * viewer: the sender, each mentioned user on their own, everyone else.
 * Reactions, readers and the replied-to message (`CONDITIONAL`) qualify for
 * events whose message embeds them: a just-sent message's MessageCreated,
 * which is what the web client's conversation subscription receives most.
 * Any other field (presence, contact status, ...) makes the document execute
 * per subscriber as before. The verdict is per document and event type: a
 * document's branches for other event types (`... on MessageEdited`) do not
 * count against the event at hand.
 *
 * Only events marked with `shareable()` (the room stream marks the events it
 * delivers unchanged to every subscriber) take this path; everything else
 * calls graphql-js' execute() untouched.
 */
import { createRequire } from 'node:module';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { joinedText } from './ws-direct.ts';

/** Fields that read nothing but the event payload (and the server config). */
const PAYLOAD_ONLY = new Set([
  'Subscription.roomEvents',
  ...['MessageCreated', 'MessageEdited', 'MessageDeleted'].flatMap((t) =>
    ['roomId', 'seq', 'message', 'at'].map((f) => `${t}.${f}`),
  ),
  ...[
    'id',
    'roomId',
    'seq',
    'kind',
    'sender',
    'body',
    'mentions',
    'createdAt',
    'editedAt',
    'deletedAt',
    'attachments',
  ].map((f) => `Message.${f}`),
  ...['id', 'username', 'displayName', 'bio', 'timeZone', 'createdAt', 'avatarUrl'].map((f) => `User.${f}`),
  ...['id', 'name', 'mimeType', 'size', 'isImage', 'url', 'thumbnailUrl', 'width', 'height'].map(
    (f) => `Attachment.${f}`,
  ),
]);

/** Fields whose value depends only on whether the viewer is a user the payload names. */
const SELF_ONLY = new Set([
  'Message.clientId',
  'User.isMe',
  'User.email',
  'User.showOnline',
  'User.shareReadReceipts',
]);

/** A shareable event's results, per selection and viewer class, while they are kept (see below). */
interface Shared {
  results: Map<number | string, unknown> | undefined;
}

/** Events (as yielded to graphql-js) → their shared results. */
const shared = new WeakMap<object, Shared>();

/**
 * Shared results are kept only for the turn that fans their event out: every
 * subscriber on this instance gets the event in that turn (one emit), and a
 * subscriber that runs it later (one that was waiting for its socket to
 * drain) simply executes it again. Kept as long as the event object lived,
 * they outlived it in practice: something holds a delivered event for a
 * second or so, past two scavenges, and each event's result trees and JSON
 * were promoted to the old generation with it. At 10,000 subscribers and
 * 1,000 msg/s that was ~35 MB promoted in 20 s, a major GC every ~5 s and a
 * latency burst behind each (BENCHMARKS.md, entry 67). The map is dropped,
 * not cleared: clearing allocates a new table, which would then be promoted
 * with the event.
 */
let releasing: Shared[] | undefined;
function releaseAfterTurn(entry: Shared): void {
  if (releasing === undefined) {
    releasing = [];
    setImmediate(releaseAll);
  }
  releasing.push(entry);
}
function releaseAll(): void {
  const all = releasing ?? [];
  releasing = undefined;
  for (const entry of all) entry.results = undefined;
}

/** Marks an event object as delivered identically to every subscriber of its topic on this instance. */
export function shareable<T extends object>(event: T): T {
  if (!shared.has(event)) shared.set(event, { results: undefined });
  return event;
}

/**
 * Fields whose resolvers read a loader (per subscriber) unless the event's
 * message embeds them, which a just-sent message's MessageCreated does:
 * reactions and readers (both empty then), and `replyTo` (null without
 * `replyToId`). Under that condition they are the same for every viewer and
 * nothing below them is ever resolved (empty lists, null), so their subtrees
 * are not checked; `embedsConditionalFields` tests the condition per event.
 */
const CONDITIONAL = new Set(['Message.reactions', 'Message.readBy', 'Message.readCount', 'Message.replyTo']);

/** Whether the event's message embeds what CONDITIONAL fields need (see there). */
function embedsConditionalFields(event: object): boolean {
  const m = (event as { message?: { reactions?: unknown[]; readers?: unknown[]; replyToId?: unknown } })
    .message;
  return m !== undefined && m.reactions?.length === 0 && m.readers?.length === 0 && m.replyToId === null;
}

/** How a document's selection for one event type may be shared. */
interface Verdict {
  /** For cache keys. */
  docId: number;
  /** Selects CONDITIONAL fields: shared only for events that embed them. */
  conditional: boolean;
}

/** Per document and event type: how it may be shared, or null when its result may depend on the viewer. */
const verdicts = new WeakMap<DocumentNode, Map<string, Verdict | null>>();
const docIds = new WeakMap<DocumentNode, number>();
let nextDocId = 1;

function documentVerdict(schema: GraphQLSchema, document: DocumentNode, eventType: string): Verdict | null {
  let byType = verdicts.get(document);
  if (!byType) {
    byType = new Map();
    verdicts.set(document, byType);
  }
  const known = byType.get(eventType);
  if (known !== undefined) return known;
  const verdict = judge(schema, document, eventType);
  if (byType.size < 64) byType.set(eventType, verdict);
  return verdict;
}

/**
 * Walks the selection a document makes for an event of type `eventType`
 * (type conditions for other event types are skipped, fragments followed):
 * every field must be PAYLOAD_ONLY, SELF_ONLY or CONDITIONAL.
 */
function judge(schema: GraphQLSchema, document: DocumentNode, eventType: string): Verdict | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation || operation.operation !== 'subscription') return null;
  const root = schema.getSubscriptionType();
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let conditional = false;
  const entered = new Set<string>();
  /** `runtime`: the event's type, while `parent` is the abstract type of the event itself. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, runtime?: string): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const key = `${parent.name}.${name}`;
        if (CONDITIONAL.has(key)) {
          conditional = true;
          continue;
        }
        if (!PAYLOAD_ONLY.has(key) && !SELF_ONLY.has(key)) return false;
        if (!selection.selectionSet) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) return false;
        const type = getNamedType(field.type);
        // The field returning the event (Subscription.roomEvents): its selection is for `eventType`.
        if (!walk(selection.selectionSet, type, parent === root ? eventType : undefined)) return false;
        continue;
      }
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) return false;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!condition) return false;
      // A branch for another event type never runs for this event.
      if (runtime !== undefined && isObjectType(condition) && condition.name !== runtime) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        // A fragment already checked under this parent adds nothing (and stops cycles).
        const seen = `${selection.name.value}@${parent.name}@${runtime ?? ''}`;
        if (entered.has(seen)) continue;
        entered.add(seen);
      }
      const next = isObjectType(condition) ? undefined : runtime;
      if (!walk(fragment.selectionSet, condition, next)) return false;
    }
    return true;
  };
  if (!walk(operation.selectionSet, root)) return null;
  const docId = docIds.get(document) ?? nextDocId++;
  docIds.set(document, docId);
  return { docId, conditional };
}

/**
 * Who the viewer is relative to the users a message event names (all that
 * SELF_ONLY fields compare): 0 anyone else, 1 the sender, or a mentioned
 * viewer's own id.
 */
function viewerClass(event: object, viewerId: string | undefined): number | string {
  const message = (event as { message?: { senderId?: string | null; mentionIds?: readonly string[] } })
    .message;
  if (!viewerId || !message) return 0;
  if (message.senderId === viewerId) return 1;
  if (message.mentionIds?.includes(viewerId)) return viewerId;
  return 0;
}

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

/**
 * Each distinct selection (document, operation and variables) gets a number
 * of its own, looked up once per subscription (whose context object every one
 * of its events shares), not once per event. A delivery's cache key is then
 * a small integer: a string built per delivery cost a concatenation, its
 * flattening and hashing, and V8's slow comparison of two equal strings in
 * the Map (~3 % of the server's CPU in an on-CPU profile, BENCHMARKS.md entry 85).
 * Numbers are never reused: when the table is full it starts over, and
 * subscriptions that started before simply share no results with those
 * after.
 */
const selectionNumbers = new Map<string, number>();
let nextSelection = 1;
const selectionOf = new WeakMap<object, number>();
function selectionNumber(args: ExecutionArgs, docId: number): number {
  const owner = args.contextValue;
  let n = owner && typeof owner === 'object' ? selectionOf.get(owner) : undefined;
  if (n === undefined) {
    const text = `${docId}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
    n = selectionNumbers.get(text);
    if (n === undefined) {
      if (selectionNumbers.size >= 100_000) selectionNumbers.clear();
      n = nextSelection++;
      selectionNumbers.set(text, n);
    }
    if (owner && typeof owner === 'object') selectionOf.set(owner, n);
  }
  return n;
}

/** The key of a shared result: a number for the sender and everyone else, a string per mentioned viewer. */
function resultKey(selection: number, viewer: number | string): number | string {
  return typeof viewer === 'number' ? selection * 2 + viewer : `${selection}|${viewer}`;
}

/** Results of shared executions, and their JSON as UTF-8 (encoded once, not once per subscriber). */
const sharedResults = new WeakSet<object>();
const encoded = new WeakMap<object, Buffer>();

/** Whether `payload` is the result of a shared execution (sent with `sharedFrame`). */
export const isSharedResult = (payload: unknown): payload is object =>
  typeof payload === 'object' && payload !== null && sharedResults.has(payload);

/** The start of a `type` message for subscription `id`, up to its payload: `{"type":…,"id":…,"payload":`. */
export function frameHead(type: string, id: unknown): Buffer {
  return Buffer.from(`{"type":${JSON.stringify(type)},"id":${JSON.stringify(id)},"payload":`);
}

/** The JSON of a shared execution result as UTF-8, encoded on first use and then kept with the result. */
export function sharedJson(payload: object): Buffer {
  let json = encoded.get(payload);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(payload));
    encoded.set(payload, json);
  }
  return json;
}

/**
 * The protocol message for `payload` if it is a shared execution result: its
 * JSON, encoded once for every subscriber, copied behind this subscriber's
 * `frameHead`. Undefined for any other payload. (The push loop keeps each
 * subscription's head and sends with graphql/ws-direct.ts instead.)
 */
export function sharedFrame(type: string, id: unknown, payload: unknown): Buffer | undefined {
  if (!isSharedResult(payload)) return undefined;
  return joinedText(frameHead(type, id), sharedJson(payload));
}

const require = createRequire(import.meta.url);

const { compileQuery, isCompiledQuery } = require('graphql-jit') as {
  compileQuery(schema: GraphQLSchema, document: DocumentNode, operationName?: string): unknown;
  isCompiledQuery(query: unknown): boolean;
};
interface Compiled {
  query(root: unknown, context: unknown, variables: unknown): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Shared executions run through graphql-jit (as Mercurius runs HTTP queries):
 * the document compiled once per operation, then each event costs a call of
 * the compiled function instead of graphql-js walking the selection. A
 * document graphql-jit cannot compile runs through graphql-js as before.
 */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled | null>>();
function compiledFor(args: ExecutionArgs): Compiled | null {
  let byOperation = compiledByDocument.get(args.document);
  if (!byOperation) {
    byOperation = new Map();
    compiledByDocument.set(args.document, byOperation);
  }
  const name = args.operationName ?? '';
  let compiled = byOperation.get(name);
  if (compiled === undefined) {
    try {
      const c = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      compiled = isCompiledQuery(c) ? (c as Compiled) : null;
    } catch {
      compiled = null;
    }
    if (byOperation.size < 16) byOperation.set(name, compiled);
  }
  return compiled;
}
// subscribe() calls execute through this module object at call time, so replacing the export reaches it.
const executeModule = require('graphql/execution/execute.js') as {
  execute: Execute & { parleyShared?: true };
};
if (!executeModule.execute.parleyShared) {
  const original = executeModule.execute;
  const sharedExecute: Execute & { parleyShared?: true } = (args) => {
    const root = args.rootValue;
    const entry = root && typeof root === 'object' ? shared.get(root) : undefined;
    if (!entry) return original(args);
    const eventType = (root as { __typename?: unknown }).__typename;
    const verdict =
      typeof eventType === 'string' ? documentVerdict(args.schema, args.document, eventType) : null;
    if (verdict === null || (verdict.conditional && !embedsConditionalFields(root as object)))
      return original(args);
    const docId = verdict.docId;
    const viewerId = (args.contextValue as { viewer?: { userId?: string } | null } | undefined)?.viewer
      ?.userId;
    const key = resultKey(selectionNumber(args, docId), viewerClass(root as object, viewerId));
    const hit = entry.results?.get(key) as ReturnType<Execute> | undefined;
    if (hit) return hit;
    const jit = compiledFor(args);
    const result = jit
      ? (jit.query(root, args.contextValue, args.variableValues ?? {}) as ReturnType<Execute>)
      : original(args);
    const mark = (r: ExecutionResult) => {
      sharedResults.add(r);
      return r;
    };
    const marked = result instanceof Promise ? result.then(mark) : mark(result);
    if (entry.results === undefined) {
      entry.results = new Map();
      releaseAfterTurn(entry);
    }
    entry.results.set(key, marked);
    return marked;
  };
  sharedExecute.parleyShared = true;
  executeModule.execute = sharedExecute;

  // One JSON encoding per shared result: the frame differs per subscriber only by its id.
  const { prototype } = require('mercurius/lib/subscription-connection.js') as {
    prototype: {
      sendMessage(type: string, id: unknown, payload: unknown): Promise<void>;
      socket: { send(data: Buffer, options: { binary: false }, cb: (err?: Error) => void): void };
      handleConnectionClose(): void;
    };
  };
  const sendMessage = prototype.sendMessage;
  prototype.sendMessage = function (this: typeof prototype, type, id, payload) {
    const frame = sharedFrame(type, id, payload);
    if (!frame) return sendMessage.call(this, type, id, payload);
    // As Mercurius' own sendMessage: any failure to send closes the connection.
    return new Promise<void>((resolve, reject) => {
      this.socket.send(frame, { binary: false }, (err) => (err ? reject(err) : resolve()));
    }).catch(() => this.handleConnectionClose());
  };
}
