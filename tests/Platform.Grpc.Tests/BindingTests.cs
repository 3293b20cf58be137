using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grpc.Tests.Echo;

namespace Platform.Grpc.Tests;

/// <summary>Mapping checks the implementation against the proto, so a drifted service fails at start-up.</summary>
public sealed class BindingTests
{
    [Fact]
    public void A_missing_method_fails_naming_it_and_the_expected_signature()
    {
        var error = Map<MissingBidi>();

        Assert.Contains("platform.test.v1.Echo/Bidi: MissingBidi has no handler", error);
        Assert.Contains("Task Bidi(IAsyncStreamReader<EchoRequest>, IServerStreamWriter<EchoReply>, ServerCallContext) (bidirectional streaming)", error);
    }

    [Fact]
    public void A_wrong_message_type_fails()
    {
        var error = Map<WrongMessageType>();

        Assert.Contains("platform.test.v1.Echo/Unary: WrongMessageType declares Task<EchoReply> Unary(EchoReply, ServerCallContext)", error);
    }

    [Fact]
    public void A_wrong_kind_fails()
    {
        var error = Map<WrongKind>();

        Assert.Contains("platform.test.v1.Echo/ServerStream: WrongKind declares Task<EchoReply> ServerStream(EchoRequest, ServerCallContext)", error);
        Assert.Contains("(server streaming)", error);
    }

    [Fact]
    public void A_handler_missing_from_the_proto_fails()
    {
        var error = Map<ExtraHandler>();

        Assert.Contains("ExtraHandler.Delete looks like a gRPC handler but the proto service has no method 'Delete'", error);
    }

    [Fact]
    public void Overloads_fail()
    {
        var error = Map<Overloaded>();

        Assert.Contains("platform.test.v1.Echo/Unary: Overloaded has 2 overloads", error);
    }

    [Fact]
    public void A_class_without_the_attribute_or_with_an_unknown_service_fails()
    {
        Assert.Contains("has no [GrpcService(", Map<NoAttribute>());
        Assert.Contains("echo.proto declares no service 'platform.test.v1.Nope'. It declares: platform.test.v1.Echo", Map<UnknownService>());
    }

    [Fact]
    public void Mapping_before_AddGrpcServer_fails_with_a_clear_message()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<Support.EchoService>());

        Assert.Contains("AddGrpcServer", error.Message);
    }

    private static string Map<TService>() where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcServer();
        var app = builder.Build();
        return Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<TService>()).Message;
    }

    private static Task Done => Task.CompletedTask;

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    private sealed class MissingBidi
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    private sealed class WrongMessageType
    {
        public Task<EchoReply> Unary(EchoReply request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
    }

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    private sealed class WrongKind
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task<EchoReply> ServerStream(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
    }

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    private sealed class ExtraHandler
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
        public Task<EchoReply> Delete(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    private sealed class Overloaded
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task<EchoReply> Unary(EchoRequest request, string extra, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());
        public Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Done;
    }

    private sealed class NoAttribute;

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Nope")]
    private sealed class UnknownService;
}
