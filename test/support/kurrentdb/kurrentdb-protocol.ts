import { createRequire } from 'node:module';

/**
 * The gRPC service definitions and message classes that `@kurrent/kurrentdb-client` itself ships (generated
 * from KurrentDB's .proto files), loaded from the client package so that the test server speaks byte for byte
 * the protocol the client speaks. Untyped on purpose: the generated classes are google-protobuf messages.
 */
const require = createRequire(import.meta.url);
const generated = (path: string) => require(`@kurrent/kurrentdb-client/generated/kurrentdb/protocols/${path}`);

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Message = any;

export const v1 = {
  streamsGrpc: generated('v1/streams_grpc_pb.js'),
  streams: generated('v1/streams_pb.js'),
  shared: generated('v1/shared_pb.js'),
  status: generated('v1/status_pb.js'),
  featuresGrpc: generated('v1/serverfeatures_grpc_pb.js'),
  features: generated('v1/serverfeatures_pb.js'),
};

export const v2 = {
  streamsGrpc: generated('v2/streams/streams_grpc_pb.js'),
  streams: generated('v2/streams/streams_pb.js'),
  errors: generated('v2/streams/errors_pb.js'),
};

export const protobuf = {
  any: require('google-protobuf/google/protobuf/any_pb.js'),
  empty: require('google-protobuf/google/protobuf/empty_pb.js'),
  timestamp: require('google-protobuf/google/protobuf/timestamp_pb.js'),
};
