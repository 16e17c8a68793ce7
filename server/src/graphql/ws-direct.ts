/**
 * Writing a subscription's shared frame straight to the socket, as one
 * buffer, instead of through `ws`'s `send()`.
 *
 * `ws` (8.x) frames a message in four steps per call: an options object in
 * `WebSocket.send`, another in `Sender.send`, a freshly allocated frame
 * header, then `cork()`, two writes and `uncork()`, which Node turns into one
 * `writev` of two buffers (with an array and a request object for each).
 * For a delivery, the message is already one buffer built for this
 * subscriber (`frameHead` + shared JSON + `}`): the frame header fits in
 * front of it in the same allocation, and one `write` of that buffer puts the
 * same bytes on the wire.
 *
 * Only when nothing else is in the way: the socket is open, `ws`'s sender is
 * idle (not compressing, nothing queued behind a compression, not inside a
 * fragmented message) and no extension was negotiated (permessage-deflate
 * would have compressed or flagged the frame). Otherwise, and if `ws`'s
 * private fields ever stop looking as expected (`directWritable` is then
 * false), the caller sends through `ws` as before. `ws-direct.test.ts`
 * compares the bytes with `ws`'s own framing and checks that deliveries take
 * this path, so a `ws` upgrade that changes these internals fails a test
 * instead of silently falling back.
 */
import { noteSent } from './ws-protocol-guard.ts';

/** What is sent on: a `ws` WebSocket (only `send` and `readyState` are public). */
export interface TextSocket {
  readyState: number;
  send(data: Buffer, options: { binary: false }): void;
}

const OPEN = 1;
/** `ws`'s Sender state when it is neither compressing nor reading a Blob. */
const SENDER_IDLE = 0;

/** The parts of `ws`'s WebSocket and Sender this module reads (ws 8.x). */
interface WsInternals {
  readyState: number;
  _extensions: Record<string, unknown>;
  _socket: { write(chunk: Buffer): boolean } | null;
  _sender: { _state: number; _queue: unknown[]; _firstFragment: boolean } | null;
}

/** Bytes of a final, unmasked text frame's header for `length` payload bytes (RFC 6455, 5.2). */
const textFrameHeaderLength = (length: number): number => (length < 126 ? 2 : length < 65_536 ? 4 : 10);

/** Writes that header into `frame` at 0. */
function writeTextFrameHeader(frame: Buffer, length: number): void {
  frame[0] = 0x81; // FIN + text
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
}

/**
 * The text message `head + body + '}'` in one new buffer, after `offset`
 * bytes left for a frame header (0: the message alone).
 */
export function joinedText(head: Buffer, body: Buffer, offset = 0): Buffer {
  const joined = Buffer.allocUnsafe(offset + head.length + body.length + 1);
  head.copy(joined, offset);
  body.copy(joined, offset + head.length);
  joined[joined.length - 1] = 0x7d; // }
  return joined;
}

/** Whether `ws` is in a state where a frame may bypass its sender (see above). */
export function directWritable(ws: TextSocket): boolean {
  const w = ws as unknown as WsInternals;
  const sender = w._sender;
  if (w.readyState !== OPEN || !w._socket || !sender) return false;
  if (sender._state !== SENDER_IDLE || sender._queue.length !== 0 || sender._firstFragment !== true)
    return false;
  for (const _ in w._extensions) return false;
  return true;
}

/**
 * The text message `head + body + '}'` as one frame: written to the socket
 * directly when `directWritable`, else sent through `ws`. Either way it is
 * written now, in order with everything sent before it.
 */
export function sendJoinedText(ws: TextSocket, head: Buffer, body: Buffer): void {
  if (directWritable(ws)) {
    const frame = joinedTextFrame(head, body);
    noteSent(ws);
    (ws as unknown as WsInternals)._socket?.write(frame);
    return;
  }
  ws.send(joinedText(head, body), { binary: false });
}

/** The complete WebSocket frame (header included) of the text message `head + body + '}'`, in one buffer. */
export function joinedTextFrame(head: Buffer, body: Buffer): Buffer {
  const length = head.length + body.length + 1;
  const frame = joinedText(head, body, textFrameHeaderLength(length));
  writeTextFrameHeader(frame, length);
  return frame;
}
