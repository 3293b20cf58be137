using Google.Protobuf.Reflection;
using Platform.Grpc.Tests.Support;
using V1 = Grpc.Reflection.V1;

namespace Platform.Grpc.Tests;

/// <summary>Server reflection over our own client: listing, lookups by symbol and file, dependencies, errors.</summary>
public sealed class ReflectionTests(ServerFixture fixture)
{
    [Fact]
    public async Task Lists_every_mapped_service()
    {
        var response = await AskAsync(new V1.ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "platform.test.v1.Echo"],
            response[0].ListServicesResponse.Service.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task A_symbol_lookup_returns_its_file_with_well_known_dependencies_once_per_stream()
    {
        var responses = await AskAsync(
            new V1.ServerReflectionRequest { FileContainingSymbol = "platform.test.v1.Echo.Unary" },
            new V1.ServerReflectionRequest { FileContainingSymbol = "platform.test.v1.EchoReply" });

        var first = Files(responses[0]);
        Assert.Equal(["echo.proto", "google/protobuf/timestamp.proto"], first.Select(f => f.Name));
        Assert.Equal(["google/protobuf/timestamp.proto"], first[0].Dependency);
        Assert.Equal(["echo.proto"], Files(responses[1]).Select(f => f.Name));
    }

    [Fact]
    public async Task File_lookup_by_name_and_unknown_names()
    {
        var responses = await AskAsync(
            new V1.ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" },
            new V1.ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" },
            new V1.ServerReflectionRequest { AllExtensionNumbersOfType = "platform.test.v1.EchoRequest" });

        Assert.Equal("grpc.health.v1", Files(responses[0]).Single().Package);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal("platform.test.v1.EchoRequest", responses[2].AllExtensionNumbersResponse.BaseTypeName);
    }

    private static List<FileDescriptorProto> Files(V1.ServerReflectionResponse response) =>
        response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();

    private async Task<List<V1.ServerReflectionResponse>> AskAsync(params V1.ServerReflectionRequest[] requests)
    {
        using var call = new GrpcClient(fixture.Channel, V1.ReflectionReflection.Descriptor, "grpc.reflection.v1.ServerReflection")
            .DuplexStreaming<V1.ServerReflectionRequest, V1.ServerReflectionResponse>("ServerReflectionInfo").Start();
        var responses = new List<V1.ServerReflectionResponse>();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNextAsync());
            Assert.Equal(request, call.ResponseStream.Current.OriginalRequest);
            responses.Add(call.ResponseStream.Current);
        }
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNextAsync());
        return responses;
    }
}
