// Loads the test and library protos for both grpc-js sides, and encodes/decodes google.rpc.Status.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const testProtos = path.join(__dirname, '..', 'Protos');
const libraryProtos = path.join(__dirname, '..', '..', '..', 'src', 'BuildingBlocks', 'Platform.Grpc', 'Protos');
const loaderOptions = { longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [testProtos, libraryProtos] };

const definition = protoLoader.loadSync(
  ['echo.proto', 'grpc/health/v1/health.proto', 'grpc/reflection/v1/reflection.proto', 'grpc/reflection/v1alpha/reflection.proto'],
  loaderOptions);
const loaded = grpc.loadPackageDefinition(definition);

const rpcRoot = new protobuf.Root();
rpcRoot.resolvePath = (origin, target) =>
  target.startsWith('google/protobuf/') ? target : path.join(libraryProtos, target);
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const RpcStatus = rpcRoot.lookupType('google.rpc.Status');
const BadRequest = rpcRoot.lookupType('google.rpc.BadRequest');

function encodeBadRequest(code, message, violations) {
  const detail = BadRequest.encode(BadRequest.create({ fieldViolations: violations })).finish();
  return Buffer.from(RpcStatus.encode(RpcStatus.create({
    code, message, details: [{ type_url: 'type.googleapis.com/google.rpc.BadRequest', value: detail }],
  })).finish());
}

function decodeViolations(bytes) {
  const status = RpcStatus.decode(bytes);
  const violations = [];
  for (const any of status.details) {
    const typeUrl = any.type_url || any.typeUrl;
    if (typeUrl === 'type.googleapis.com/google.rpc.BadRequest') {
      for (const v of BadRequest.decode(any.value).fieldViolations) violations.push({ field: v.field, description: v.description });
    }
  }
  return { code: status.code, message: status.message, violations };
}

function metadataToObject(metadata) {
  const result = {};
  for (const [key, values] of Object.entries(metadata.getMap())) {
    result[key] = Buffer.isBuffer(values) ? 'base64:' + values.toString('base64') : String(values);
  }
  return result;
}

module.exports = {
  grpc, protoLoader, definition, loaded, loaderOptions,
  Echo: loaded.platform.test.v1.Echo,
  Health: loaded.grpc.health.v1.Health,
  ReflectionV1: loaded.grpc.reflection.v1.ServerReflection,
  ReflectionV1Alpha: loaded.grpc.reflection.v1alpha.ServerReflection,
  encodeBadRequest, decodeViolations, metadataToObject,
};
