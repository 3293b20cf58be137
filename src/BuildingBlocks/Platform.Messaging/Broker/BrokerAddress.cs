namespace Platform.Messaging;

/// <summary>The parts of an AMQP URI (<c>amqp://user:password@host:port/vhost</c>), as Aspire gives RabbitMQ resources.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password, bool UseTls)
{
    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new ArgumentException("The messaging connection string must be an amqp:// or amqps:// URI.", nameof(connectionString));
        var tls = uri.Scheme == "amqps";
        var credentials = uri.UserInfo.Split(':', 2);
        var path = uri.AbsolutePath.TrimStart('/');
        return new BrokerAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? (tls ? 5671 : 5672) : uri.Port),
            path.Length == 0 ? "/" : Uri.UnescapeDataString(path),
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length < 2 ? "guest" : Uri.UnescapeDataString(credentials[1]),
            tls);
    }

    // Never print the password.
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{UserName}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
