namespace Platform.Grpc;

/// <summary>
/// A call that ended with a status other than OK. Thrown by clients; thrown by handlers to choose the status,
/// message and trailers sent to the caller.
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null, Exception? innerException = null)
        : base(status.ToString(), innerException)
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode statusCode, string detail, Metadata? trailers = null)
        : this(new Status(statusCode, detail), trailers) { }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailers received (client) or to send (server); <c>grpc-status-details-bin</c> is among them when present.</summary>
    public Metadata Trailers { get; }
}
