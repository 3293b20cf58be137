using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Platform.Grpc.Reflection;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>.</summary>
[GrpcService(typeof(V1.ReflectionReflection), "grpc.reflection.v1.ServerReflection")]
internal sealed class ReflectionServiceV1(ReflectionIndex index)
{
    public async Task ServerReflectionInfo(IAsyncStreamReader<V1.ServerReflectionRequest> requests,
        IServerStreamWriter<V1.ServerReflectionResponse> responses, ServerCallContext context)
    {
        var responder = new ReflectionResponder(index);
        while (await requests.MoveNextAsync(context.CancellationToken).ConfigureAwait(false))
            await responses.WriteAsync(responder.Respond(requests.Current), context.CancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, still what many tools ask first. Its messages are wire-identical
/// to v1, so requests and responses are translated through their bytes.
/// </summary>
[GrpcService(typeof(V1Alpha.ReflectionReflection), "grpc.reflection.v1alpha.ServerReflection")]
internal sealed class ReflectionServiceV1Alpha(ReflectionIndex index)
{
    public async Task ServerReflectionInfo(IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requests,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses, ServerCallContext context)
    {
        var responder = new ReflectionResponder(index);
        while (await requests.MoveNextAsync(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString());
            var response = V1Alpha.ServerReflectionResponse.Parser.ParseFrom(responder.Respond(request).ToByteString());
            await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
