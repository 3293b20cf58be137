// grpc-js client scenarios against our server: `node client.js <scenario> <host:port>`.
// Prints one JSON line with what it observed; the C# test asserts on it. Exit code 0 unless the script itself broke.
'use strict';
const { grpc, protoLoader, loaderOptions, Echo, Health, ReflectionV1, ReflectionV1Alpha, decodeViolations, metadataToObject } = require('./common');

const [scenario, address, callId] = process.argv.slice(2);
const insecure = grpc.credentials.createInsecure();
const echo = (options) => new Echo(address, insecure, options ?? {});
const deadlineIn = ms => new Date(Date.now() + ms);

function unary(client, request, metadata, options) {
  return new Promise(resolve => {
    const result = {};
    const call = client.Unary(request, metadata ?? new grpc.Metadata(), options ?? {}, (error, reply) => {
      result.reply = reply ?? null;
      result.error = error ? { code: error.code, details: error.details, metadata: error.metadata } : null;
    });
    call.on('metadata', m => { result.headers = metadataToObject(m); });
    call.on('status', s => { result.trailers = metadataToObject(s.metadata); setImmediate(() => resolve(result)); });
  });
}

function collect(call) {
  return new Promise(resolve => {
    const replies = [];
    call.on('data', r => replies.push(r));
    call.on('error', e => resolve({ replies, error: { code: e.code, details: e.details } }));
    call.on('status', s => { if (s.code === 0) resolve({ replies, error: null }); });
  });
}

function reflect(Service, requests) {
  return new Promise((resolve, reject) => {
    const client = new Service(address, insecure);
    const call = client.ServerReflectionInfo();
    const responses = [];
    call.on('data', r => { responses.push(r); if (responses.length === requests.length) call.end(); });
    call.on('error', reject);
    call.on('end', () => resolve(responses));
    for (const r of requests) call.write(r);
  });
}

// A FileDescriptorSet is field 1 (length-delimited) repeated: build it from the raw FileDescriptorProto bytes.
function descriptorSet(files) {
  const parts = [];
  for (const file of files) {
    const length = [];
    let n = file.length;
    do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; length.push(b); } while (n);
    parts.push(Buffer.from([0x0a, ...length]), Buffer.from(file));
  }
  return Buffer.concat(parts);
}

const scenarios = {
  async unary() {
    const metadata = new grpc.Metadata();
    metadata.set('x-text', 'hello from js');
    metadata.set('x-data-bin', Buffer.from([0, 1, 2, 250, 255]));
    return unary(echo(), { text: 'ping', payload: Buffer.from('abc') }, metadata);
  },
  async 'server-stream'() {
    return collect(echo().ServerStream({ text: 'tick', count: 3 }));
  },
  async 'client-stream'() {
    return new Promise(resolve => {
      const call = echo().ClientStream((error, reply) => resolve({ reply: reply ?? null, error: error ? { code: error.code } : null }));
      for (const text of ['a', 'b', 'c']) call.write({ text, payload: Buffer.from(text) });
      call.end();
    });
  },
  async bidi() {
    const call = echo().Bidi();
    const replies = [];
    for (const text of ['one', 'two', 'three']) {
      // Each reply arrives before the next request is sent: the stream really is interactive.
      const next = new Promise(resolve => call.once('data', resolve));
      call.write({ text });
      replies.push(await next);
    }
    call.end();
    await new Promise(resolve => call.on('status', resolve));
    return { replies };
  },
  async deadline() {
    return unary(echo(), { behavior: 'wait', callId }, undefined, { deadline: deadlineIn(300) });
  },
  async cancel() {
    const call = echo().ServerStream({ behavior: 'stream-then-wait', callId });
    return new Promise(resolve => {
      const replies = [];
      call.on('data', r => { replies.push(r); call.cancel(); });
      call.on('error', e => resolve({ replies, error: { code: e.code } }));
    });
  },
  async 'error-details'() {
    const result = await unary(echo(), { behavior: 'validation' });
    const bytes = result.error.metadata.get('grpc-status-details-bin')[0];
    return { code: result.error.code, details: result.error.details, status: bytes ? decodeViolations(bytes) : null };
  },
  async unhandled() {
    const result = await unary(echo(), { behavior: 'unhandled' });
    return { code: result.error.code, details: result.error.details };
  },
  async gzip() {
    const client = echo({ 'grpc.default_compression_algorithm': 2 });
    const result = await unary(client, { text: 'zip', payload: Buffer.alloc(64 * 1024, 'z') });
    return { encoding: result.reply.encoding, size: result.reply.payload.length, headers: result.headers };
  },
  async auth() {
    const call = token => {
      const metadata = new grpc.Metadata();
      if (token) metadata.set('authorization', `Bearer ${token}`);
      return unary(echo(), { text: 'who' }, metadata);
    };
    const [good, bad, none] = await Promise.all([call('good-token'), call('bad-token'), call(null)]);
    return { good: good.reply.user, bad: bad.error.code, badDetails: bad.error.details, none: none.reply.user };
  },
  async 'health-check'() {
    const client = new Health(address, insecure);
    const check = service => new Promise(resolve => client.Check({ service }, (error, reply) =>
      resolve(error ? { code: error.code } : { status: reply.status })));
    return { all: await check(''), echo: await check('platform.test.v1.Echo'), unknown: await check('no.such.Service') };
  },
  async 'health-watch'() {
    // Prints each status as it arrives; the test changes the status after the first one.
    const call = new Health(address, insecure).Watch({ service: 'platform.test.v1.Echo' });
    return new Promise(resolve => {
      const statuses = [];
      call.on('data', r => {
        statuses.push(r.status);
        console.log(`STATUS ${r.status}`);
        if (statuses.length === 2) { call.cancel(); resolve({ statuses }); }
      });
      call.on('error', e => { if (e.code !== grpc.status.CANCELLED) resolve({ statuses, error: e.code }); });
    });
  },
  async reflection() {
    const [list, file] = await reflect(ReflectionV1, [{ listServices: '' }, { fileContainingSymbol: 'platform.test.v1.Echo' }]);
    const [alphaList] = await reflect(ReflectionV1Alpha, [{ listServices: '' }]);
    const [missing] = await reflect(ReflectionV1, [{ fileContainingSymbol: 'no.such.Symbol' }]);
    // Call Echo through descriptors that came only from the server.
    const files = file.fileDescriptorResponse.fileDescriptorProto;
    const definition = protoLoader.loadFileDescriptorSetFromBuffer(descriptorSet(files), loaderOptions);
    const Dynamic = grpc.loadPackageDefinition(definition).platform.test.v1.Echo;
    const reply = await unary(new Dynamic(address, insecure), { text: 'via reflection' });
    return {
      services: list.listServicesResponse.service.map(s => s.name),
      alphaServices: alphaList.listServicesResponse.service.map(s => s.name),
      fileCount: files.length,
      missing: missing.errorResponse,
      reply: reply.reply.text,
    };
  },
};

scenarios[scenario]().then(
  result => { console.log(JSON.stringify(result, (k, v) => (v && v.type === 'Buffer') ? Buffer.from(v.data).toString('base64') : v)); process.exit(0); },
  error => { console.error(error.stack || String(error)); process.exit(2); });
