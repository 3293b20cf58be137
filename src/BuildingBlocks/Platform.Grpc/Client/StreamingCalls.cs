using Google.Protobuf;

namespace Platform.Grpc;

/// <summary>What every running streaming call offers: its headers, status and trailers, and cancellation by disposal.</summary>
public abstract class StreamingCall : IDisposable
{
    private readonly Func<Task<Metadata>> _headers;
    private readonly Func<Status?> _status;
    private readonly Func<Metadata> _trailers;
    private readonly IDisposable _call;

    private protected StreamingCall(Func<Task<Metadata>> headers, Func<Status?> status, Func<Metadata> trailers, IDisposable call)
    {
        _headers = headers;
        _status = status;
        _trailers = trailers;
        _call = call;
    }

    /// <summary>The response headers, once they arrived.</summary>
    public Task<Metadata> ResponseHeadersAsync => _headers();

    /// <summary>The status; only once the call ended (the response stream was read to its end, or it failed).</summary>
    public Status GetStatus() => _status() ?? throw new InvalidOperationException("The call has not ended yet.");

    /// <summary>The trailers; only once the call ended.</summary>
    public Metadata GetTrailers() => _status() is null ? throw new InvalidOperationException("The call has not ended yet.") : _trailers();

    /// <summary>Cancels the call if it has not ended (the server sees RST_STREAM).</summary>
    public void Dispose() => _call.Dispose();
}

public sealed class ServerStreamingCall<TResponse> : StreamingCall
{
    internal ServerStreamingCall(IAsyncStreamReader<TResponse> responses, IClientCallView call)
        : base(call.GetResponseHeadersAsync, () => call.Status, () => call.Trailers, call) => ResponseStream = responses;

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

public sealed class ClientStreamingCall<TRequest, TResponse> : StreamingCall
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private readonly Lazy<Task<TResponse>> _response;

    internal ClientStreamingCall(ClientCall<TRequest, TResponse> call)
        : base(call.GetResponseHeadersAsync, () => call.Status, () => call.Trailers, call)
    {
        RequestStream = call;
        _response = new Lazy<Task<TResponse>>(call.ReadSingleResponseAsync);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The response, after <c>RequestStream.CompleteAsync()</c>; a status other than OK throws <see cref="RpcException"/>.</summary>
    public Task<TResponse> ResponseAsync => _response.Value;
}

public sealed class DuplexStreamingCall<TRequest, TResponse> : StreamingCall
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    internal DuplexStreamingCall(ClientCall<TRequest, TResponse> call)
        : base(call.GetResponseHeadersAsync, () => call.Status, () => call.Trailers, call)
    {
        RequestStream = call;
        ResponseStream = call;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

/// <summary>The non-generic face of a client call, so calls of any message types share <see cref="StreamingCall"/>.</summary>
internal interface IClientCallView : IDisposable
{
    Task<Metadata> GetResponseHeadersAsync();

    Status? Status { get; }

    Metadata Trailers { get; }
}
