// A grpc-js server implementing platform.test.v1.Echo, grpc.health.v1.Health and reflection, for our client's tests.
// Prints "READY <port>" when listening and "EVENT cancelled <callId>" when a call is cancelled.
'use strict';
const { grpc, definition, Echo, Health, encodeBadRequest } = require('./common');
const { ReflectionService } = require('@grpc/reflection');

const watchers = new Set();
let echoServing = true;

function echoMetadata(call, reply) {
  const trailers = new grpc.Metadata();
  for (const [key, value] of Object.entries(call.metadata.getMap())) {
    if (!key.startsWith('x-')) continue;
    if (Buffer.isBuffer(value)) reply.binaryMetadata[key] = value; else reply.metadata[key] = String(value);
    trailers.set(key, value);
  }
  const headers = new grpc.Metadata();
  headers.set('x-server', 'grpc-js');
  call.sendMetadata(headers);
  return trailers;
}

function reply(request, index, text) {
  return { text: text ?? request.text, payload: request.payload, index, server: 'grpc-js', metadata: {}, binaryMetadata: {} };
}

function waitForCancel(call, request) {
  return new Promise(resolve => call.on('cancelled', () => {
    console.log(`EVENT cancelled ${request.callId}`);
    resolve();
  }));
}

function failure(request) {
  switch (request.behavior) {
    case 'validation': {
      const metadata = new grpc.Metadata();
      metadata.set('grpc-status-details-bin', encodeBadRequest(3, 'email: must contain @',
        [{ field: 'email', description: 'must contain @' }, { field: 'name', description: 'is required' }]));
      return { code: grpc.status.INVALID_ARGUMENT, details: 'email: must contain @', metadata };
    }
    case 'notfound': return { code: grpc.status.NOT_FOUND, details: 'Key 42 was not found.' };
    case 'unavailable': return { code: grpc.status.UNAVAILABLE, details: 'draining' };
    default: return null;
  }
}

const echo = {
  Unary(call, callback) {
    const request = call.request;
    if (request.behavior === 'wait') { waitForCancel(call, request); return; }
    if (request.behavior === 'set-not-serving') { echoServing = false; for (const w of watchers) w(); }
    const error = failure(request);
    if (error) { callback(error); return; }
    const message = reply(request, 0);
    const trailers = echoMetadata(call, message);
    message.encoding = call.metadata.get('grpc-encoding')[0] || '';
    callback(null, message, trailers);
  },
  ServerStream(call) {
    const request = call.request;
    if (request.behavior === 'stream-then-wait') { call.write(reply(request, 0)); waitForCancel(call, request); return; }
    if (request.behavior === 'wait') { waitForCancel(call, request); return; }
    const error = failure(request);
    if (error) { call.emit('error', error); return; }
    for (let i = 0; i < request.count; i++) call.write(reply(request, i, `${request.text}-${i}`));
    call.end();
  },
  ClientStream(call, callback) {
    const texts = [];
    const payloads = [];
    call.on('data', r => { texts.push(r.text); payloads.push(r.payload); });
    call.on('end', () => callback(null, { text: texts.join(','), payload: Buffer.concat(payloads), index: texts.length, server: 'grpc-js' }));
  },
  Bidi(call) {
    let index = 0;
    call.on('data', r => call.write(reply(r, index++)));
    call.on('end', () => call.end());
  },
};

function status(service) {
  if (service === '') return 'SERVING';
  if (service === 'platform.test.v1.Echo') return echoServing ? 'SERVING' : 'NOT_SERVING';
  return null;
}

const health = {
  Check(call, callback) {
    const s = status(call.request.service);
    if (s === null) callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
    else callback(null, { status: s });
  },
  Watch(call) {
    const send = () => call.write({ status: status(call.request.service) ?? 'SERVICE_UNKNOWN' });
    send();
    watchers.add(send);
    call.on('cancelled', () => watchers.delete(send));
  },
};

function start() {
  const server = new grpc.Server();
  server.addService(Echo.service, echo);
  server.addService(Health.service, health);
  new ReflectionService(definition).addToServer(server);
  return new Promise((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(),
    (error, port) => error ? reject(error) : resolve(port)));
}

(async () => {
  console.log(`READY ${await start()}`);
})();

// The test run owns this process: when it closes our stdin, we stop.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
