using Platform.Domain;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Exceptions thrown by handlers become statuses; internals never reach the caller.</summary>
public sealed class ErrorMappingTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("notfound", StatusCode.NotFound, "Key 42 was not found.")]
    [InlineData("exists", StatusCode.AlreadyExists, "Key 42 already exists.")]
    [InlineData("denied", StatusCode.PermissionDenied, "The caller is not allowed to do this.")]
    [InlineData("unauthenticated", StatusCode.Unauthenticated, "A valid credential is required.")]
    [InlineData("precondition", StatusCode.FailedPrecondition, "The last admin cannot be removed.")]
    [InlineData("conflict", StatusCode.Aborted, "The key changed concurrently.")]
    [InlineData("limit", StatusCode.ResourceExhausted, "The credit pool is exhausted.")]
    [InlineData("mapped", StatusCode.FailedPrecondition, "The teapot is empty.")]
    [InlineData("rpc", StatusCode.OutOfRange, "Page 9 is out of range.")]
    public async Task Exceptions_map_to_their_status(string behavior, StatusCode code, string detail)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest { Behavior = behavior }));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task RpcException_trailers_pass_through()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest { Behavior = "rpc" }));

        Assert.Equal("paging", error.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task ValidationException_is_INVALID_ARGUMENT_with_BadRequest_field_violations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest { Behavior = "validation" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([new FieldViolation("email", "must contain @"), new FieldViolation("name", "is required")], error.GetFieldViolations());
        Assert.Equal((int)StatusCode.InvalidArgument, error.GetRpcStatus()!.Code);
    }

    [Fact]
    public async Task An_unhandled_exception_is_UNKNOWN_with_a_generic_message_and_is_logged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest { Behavior = "unhandled" }));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("Exception was thrown by handler.", error.Status.Detail);
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.Empty(error.Trailers);
        Assert.Contains(fixture.Server.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains("Unhandled exception in gRPC method /platform.test.v1.Echo/Unary") && l.Contains("InvalidOperationException"));
    }

    [Fact]
    public async Task Errors_in_a_stream_arrive_after_the_messages_already_sent()
    {
        using var call = fixture.Client.Bidi();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "fine" });
        Assert.True(await call.ResponseStream.MoveNextAsync());

        await call.RequestStream.WriteAsync(new EchoRequest { Behavior = "notfound" });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNextAsync());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(StatusCode.NotFound, call.GetStatus().StatusCode);
    }
}
