// An auditor's own implementation of docs/audit-hash.md, written from that page alone (Node.js, built-ins only).
// Usage: node audit-hash.mjs events.json
//   events.json: an array of exported events {hash_format (1 or 2), position, event_id, stream_id, stream_type,
//   version, type, recorded (RFC 3339, UTC), data_json, metadata_json, hash (hex)} in any order.
// Prints {"hashes": {event_id: recomputed hex}, "breaks": [...], "nonCanonical": [event_id...]}.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const events = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function int64(value) {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(value));
  return b;
}

function str(value) {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uuid(text) {
  return Buffer.from(text.replace(/-/g, ''), 'hex');
}

// RFC 3339 UTC with up to 9 fractional digits -> microseconds since the Unix epoch.
function micros(text) {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) throw new Error(`not an RFC 3339 UTC time: ${text}`);
  const seconds = BigInt(Date.parse(m[1] + 'Z') / 1000);
  const fraction = BigInt(((m[2] ?? '') + '000000').slice(0, 6));
  return seconds * 1000000n + fraction;
}

// RFC 8785: sorted members (UTF-16 code units: JavaScript's default sort), JSON.stringify for strings and numbers.
function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  return '{' + Object.keys(value).sort().map(k => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
}

// Format 2 is format 1 without the position.
function canonicalBytes(e) {
  const format = Number(e.hash_format);
  if (format !== 1 && format !== 2) throw new Error(`unknown hash format ${e.hash_format}`);
  return Buffer.concat([
    Buffer.from([format]),
    ...(format === 1 ? [int64(e.position)] : []),
    uuid(e.event_id),
    str(e.stream_id),
    str(e.stream_type),
    int64(e.version),
    str(e.type),
    int64(micros(e.recorded)),
    str(e.data_json),
    str(e.metadata_json),
  ]);
}

const streams = new Map();
for (const e of events) {
  if (!streams.has(e.stream_id)) streams.set(e.stream_id, []);
  streams.get(e.stream_id).push(e);
}

const hashes = {};
const breaks = [];
const nonCanonical = [];
for (const [streamId, list] of streams) {
  list.sort((a, b) => Number(BigInt(a.version) - BigInt(b.version)));
  let previous = Buffer.alloc(32);
  let version = 0n;
  let broken = false;
  for (const e of list) {
    if (canonical(JSON.parse(e.data_json)) !== e.data_json || canonical(JSON.parse(e.metadata_json)) !== e.metadata_json) {
      nonCanonical.push(e.event_id);
    }
    const hash = createHash('sha256').update(previous).update(canonicalBytes(e)).digest('hex');
    hashes[e.event_id] = hash;
    if (!broken && (BigInt(e.version) !== version + 1n || hash !== e.hash)) {
      breaks.push({ stream_id: streamId, version: String(version + 1n), expected: hash, found: e.hash });
      broken = true;
    }
    previous = Buffer.from(e.hash, 'hex');
    version = BigInt(e.version);
  }
}
process.stdout.write(JSON.stringify({ hashes, breaks, nonCanonical }));
