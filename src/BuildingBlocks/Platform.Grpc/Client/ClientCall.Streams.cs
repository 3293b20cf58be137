using System.Buffers;
using System.Runtime.CompilerServices;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// Reading responses, writing requests, and ending the call exactly once.
internal sealed partial class ClientCall<TRequest, TResponse>
{
    private int _writing;
    private bool _writesCompleted;

    public TResponse Current => _current ?? throw new InvalidOperationException("No message was read yet.");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (!await _ready.ConfigureAwait(false) || _status is not null) return ThrowIfFailed();
        using var linked = cancellationToken.CanBeCanceled && _scope.Token.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _scope.Token) : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _scope.Token);
        try
        {
            var message = await MessageReader.ReadAsync(_reader!, _method.Parser, _method.Channel.Options.MaxReceiveMessageSize,
                _responseEncoding, server: false, token).ConfigureAwait(false);
            if (message is not null)
            {
                _current = message;
                return true;
            }
            var trailers = _trailerHeaders = _response!.TrailingHeaders;
            var status = ResponseStatus.Read(trailers);
            Complete(status, status.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(trailers));
        }
        catch (Exception exception)
        {
            // A cancelled read cancels the whole call: the stream cannot resume mid-message.
            if (_status is null && cancellationToken.IsCancellationRequested && !_scope.Token.IsCancellationRequested) _scope.Cancel();
            var rpc = _scope.Translate(exception);
            Complete(rpc.Status, rpc.Trailers);
        }
        return ThrowIfFailed();
    }

    /// <summary>The single response of a unary or client-streaming call: the body read whole, then the trailers.</summary>
    public async Task<TResponse> ReadSingleResponseAsync() => await ReadSingleAsync(await _ready.ConfigureAwait(false)).ConfigureAwait(false);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResponse> ReadSingleAsync(bool ready)
    {
        if (ready && _status is null)
        {
            byte[]? buffer = null;
            try
            {
                (buffer, var length) = await MessageReader.ReadBodyAsync(_body!, _method.Channel.Options.MaxReceiveMessageSize, _scope.Token)
                    .ConfigureAwait(false);
                _current = MessageReader.ParseSingle(new ReadOnlySequence<byte>(buffer, 0, length), _method.Parser,
                    _method.Channel.Options.MaxReceiveMessageSize, _responseEncoding, server: false);
                var trailers = _trailerHeaders = _response!.TrailingHeaders;
                var status = ResponseStatus.Read(trailers);
                Complete(status, status.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(trailers));
            }
            catch (Exception exception)
            {
                var rpc = _scope.Translate(exception);
                Complete(rpc.Status, rpc.Trailers);
            }
            finally
            {
                if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        ThrowIfFailed();
        return _current ?? throw new RpcException(StatusCode.Internal, "The call ended OK without a response message.");
    }

    public async ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_writesCompleted) throw new InvalidOperationException("The request stream was already completed.");
        if (_status is { } ended) throw new RpcException(ended.StatusCode == StatusCode.OK ? new Status(StatusCode.Internal, "The call already ended.") : ended, Trailers);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
            throw new InvalidOperationException("A write is already in progress; await each WriteAsync before the next.");
        var buffer = MessageWriter.ToPooledArray(message, _compress, out var length);
        try
        {
            var token = cancellationToken.CanBeCanceled ? cancellationToken : _scope.Token;
            var stream = await _requestStream!.GetStreamAsync(token).ConfigureAwait(false);
            await stream.WriteAsync(buffer.AsMemory(0, length), token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw _status is { StatusCode: not StatusCode.OK } status ? new RpcException(status, Trailers) : _scope.Translate(exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Volatile.Write(ref _writing, 0);
        }
    }

    public ValueTask CompleteAsync()
    {
        _writesCompleted = true;
        _requestStream?.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Ends the call: records its status, releases the HTTP request, and resets the stream when it was not finished.</summary>
    private void Complete(Status status, Metadata? trailers)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1) return;
        if (trailers is not null) _trailers = trailers;
        _status = status;
        _requestStream?.Abort(new RpcException(status, trailers));
        if (_ownsScope) _scope.Finish(status.StatusCode);
        _response?.Dispose();
        _request?.Dispose();
    }

    private bool ThrowIfFailed()
    {
        if (_status is { StatusCode: not StatusCode.OK } status) throw new RpcException(status, Trailers);
        return false;
    }

    /// <summary>Disposing a call that has not ended cancels it (RST_STREAM).</summary>
    public void Dispose()
    {
        if (_status is null)
        {
            Complete(new Status(StatusCode.Cancelled, "The call was disposed before it ended."), null);
            _scope.Cancel();
        }
        if (_ownsScope) _scope.Dispose();
    }
}
