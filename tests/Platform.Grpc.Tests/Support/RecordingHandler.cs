using System.Collections.Concurrent;

namespace Platform.Grpc.Tests.Support;

/// <summary>Sits under a channel and keeps the HTTP requests and responses, to check what went over the wire.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public ConcurrentQueue<HttpResponseMessage> Responses { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var response = await base.SendAsync(request, cancellationToken);
        Responses.Enqueue(response);
        return response;
    }
}
