using System.Diagnostics;
using System.Net.Http;
using Platform.Grpc.Framing;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

/// <summary>
/// One logical call (all its attempts): the deadline, cancellation, the client activity and the duration metric,
/// and the translation of transport failures into status codes.
/// </summary>
internal sealed class CallScope : IDisposable
{
    private readonly MethodNames _names;
    private readonly CancellationToken _userToken;
    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _userRegistration;
    private readonly TimeProvider _time;
    // The clock is read only when the duration metric has a listener.
    private readonly long _start = RpcInstrumentation.ClientDurationEnabled ? Stopwatch.GetTimestamp() : 0;
    private int _finished;
    private volatile bool _cancelled;

    public CallScope(GrpcChannel channel, MethodNames names, in CallOptions options, bool cancellable)
    {
        _names = names;
        _time = channel.Options.TimeProvider;
        _userToken = options.CancellationToken;
        Deadline = options.Deadline?.ToUniversalTime();
        // The clock is read only when there is a deadline to compute.
        var now = Deadline is null && options.Timeout is null ? default : _time.GetUtcNow().UtcDateTime;
        if (options.Timeout is { } timeout && (Deadline is null || now + timeout < Deadline)) Deadline = now + timeout;
        Activity = TraceContext.StartClient(names, channel.Addresses[0]);
        if (Deadline is { } deadline)
        {
            var remaining = deadline - now;
            _source = remaining > TimeSpan.Zero ? new CancellationTokenSource(remaining, _time) : new CancellationTokenSource();
            if (remaining <= TimeSpan.Zero) _source.Cancel();
        }
        else if (cancellable) _source = new CancellationTokenSource();
        if (_source is not null && _userToken.CanBeCanceled)
            _userRegistration = _userToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _source);
        Token = _source?.Token ?? _userToken;
    }

    public DateTime? Deadline { get; }

    /// <summary>Fires on the deadline, on the caller's token and when the call is disposed early.</summary>
    public CancellationToken Token { get; }

    public Activity? Activity { get; }

    /// <summary>The <c>grpc-timeout</c> value for an attempt starting now, or null without a deadline.</summary>
    public string? TimeoutHeader()
    {
        if (Deadline is not { } deadline) return null;
        var remaining = deadline - _time.GetUtcNow().UtcDateTime;
        if (remaining <= TimeSpan.Zero) throw new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded.");
        return GrpcTimeout.Format(remaining);
    }

    /// <summary>Cancels the call on the caller's behalf (disposal, a cancelled read): CANCELLED, not DEADLINE_EXCEEDED.</summary>
    public void Cancel()
    {
        _cancelled = true;
        _source?.Cancel();
    }

    public void SetAddress(Uri address)
    {
        if (Activity is not { IsAllDataRequested: true }) return;
        Activity.SetTag(RpcInstrumentation.ServerAddress, address.Host);
        Activity.SetTag(RpcInstrumentation.ServerPort, address.Port);
    }

    /// <summary>The status that a failure means for the caller.</summary>
    public RpcException Translate(Exception exception)
    {
        if (exception is RpcException rpc) return rpc;
        if (Token.IsCancellationRequested)
            return _userToken.IsCancellationRequested || _cancelled
                ? new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."), null, exception)
                : new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."), null, exception);
        return exception switch
        {
            HttpProtocolException protocol => new RpcException(new Status(ResetCode(protocol.ErrorCode),
                $"The server reset the stream (HTTP/2 error {protocol.ErrorCode})."), null, exception),
            HttpRequestException => new RpcException(new Status(StatusCode.Unavailable, $"Error connecting to the server: {exception.Message}"), null, exception),
            IOException => new RpcException(new Status(StatusCode.Unavailable, $"The connection failed: {exception.Message}"), null, exception),
            OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."), null, exception),
            _ => new RpcException(new Status(StatusCode.Internal, $"The call failed: {exception.GetType().Name}"), null, exception),
        };
    }

    /// <summary>Records the outcome once: activity status and the duration metric.</summary>
    public void Finish(StatusCode status)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1) return;
        RpcInstrumentation.Stop(Activity, status, server: false);
        RpcInstrumentation.RecordClient(_names, status, _start);
    }

    public void Dispose()
    {
        _userRegistration.Dispose();
        _source?.Dispose();
    }

    // RST_STREAM error codes as the gRPC HTTP/2 mapping defines them.
    private static StatusCode ResetCode(long code) => code switch
    {
        0x7 => StatusCode.Unavailable,
        0x8 => StatusCode.Cancelled,
        0xb => StatusCode.ResourceExhausted,
        0xc => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
