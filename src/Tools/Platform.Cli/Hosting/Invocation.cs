using System.CommandLine;
using Platform.Cli.Endpoints;
using Platform.Cli.Output;
using Platform.Cli.Sessions;
using Platform.Contracts.Clients;
using Platform.EventStore.Audit;
using Platform.Grpc;

namespace Platform.Cli.Hosting;

/// <summary>One run of one command: its parsed values, where to write, and the clients it needs (made on first use).</summary>
internal sealed class Invocation(CliHost host, ParseResult parse, CancellationToken cancellationToken) : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private ServiceEndpoints? _endpoints;

    public CancellationToken CancellationToken => cancellationToken;

    public ResultWriter Output { get; } = new(host.Console, parse.GetValue(host.Options.Json));

    public CliEnvironment Environment => host.Environment;

    public TimeProvider Clock => host.Clock;

    public CredentialsStore Store { get; } = new(host.Environment);

    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    public bool Has(Option option) => parse.GetResult(option) is { Implicit: false };

    public Credentials Credentials => new(host.Environment, Store, parse.GetValue(host.Options.Token), parse.GetValue(host.Options.ApiKey), host.Clock);

    public OrganizationsClient Organizations => new(Channel("identity"));

    public DevelopmentIssuerClient DevelopmentIssuer => new(Channel("identity"));

    public KeysClient Keys => new(Channel("keys"));

    public AuditClient Audit(string service) => new(Channel(service));

    public CallOptions IdentityCall => new() { CancellationToken = cancellationToken, Credentials = Credentials.ForIdentity() };

    public CallOptions KeysCall => new() { CancellationToken = cancellationToken, Credentials = Credentials.ForKeys() };

    public CallOptions CallFor(string service) => service == "keys" ? KeysCall : IdentityCall;

    public Uri Address(string service) => Channel(service).Addresses[0];

    /// <summary>The services this run reached for, and where: named when one is unreachable.</summary>
    public IEnumerable<string> ChannelsInUse => _channels.Select(c => $"{c.Key} at {c.Value.Addresses[0]}");

    private GrpcChannel Channel(string service)
    {
        if (_channels.TryGetValue(service, out var channel)) return channel;
        _endpoints ??= new ServiceEndpoints(host.Environment, new Dictionary<string, string?>
        {
            ["identity"] = parse.GetValue(host.Options.Identity),
            ["keys"] = parse.GetValue(host.Options.Keys),
        });
        // A person is waiting: fail fast when the service is down rather than retrying for long.
        channel = GrpcChannel.ForAddress(_endpoints.Resolve(service), new GrpcChannelOptions { ConnectTimeout = TimeSpan.FromSeconds(3), MaxAttempts = 2 });
        return _channels[service] = channel;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
    }
}
