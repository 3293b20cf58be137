using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Keys.V1;

namespace Platform.Cli.Keys;

/// <summary><c>keys create</c>: the secret is printed this once.</summary>
internal static class KeyCreateCommand
{
    public static Command Create(CliHost host)
    {
        var account = new AccountResolver();
        var name = new Option<string>("--name") { Description = "1 to 200 characters", Required = true };
        var (kind, limit, reset, expires) = (KeyOptions.Kind(), KeyOptions.Limit(), KeyOptions.LimitReset(allowNever: false), KeyOptions.Expires());
        var command = new Command("create", "Create a key; prints its secret once") { name, kind, limit, reset, expires };
        foreach (var option in account.Options) command.Options.Add(option);
        host.Handle(command, async run =>
        {
            if (run.Get(expires) is { } at && at <= run.Clock.GetUtcNow())
                throw new CliException($"--expires: {at:O} is not in the future.", ExitCodes.InvalidArgument);
            var request = new CreateKeyRequest
            {
                AccountId = await account.ResolveAsync(run),
                Name = run.Get(name),
                Kind = run.Get(kind) == "management" ? KeyKind.Management : KeyKind.Inference,
                LimitReset = run.Get(reset) ?? "",
                ExpiresAt = run.Get(expires) is { } e ? Timestamp.FromDateTimeOffset(e) : null,
            };
            if (run.Get(limit) is { } amount) request.Limit = KeyOptions.Format(amount);
            var created = await run.Keys.CreateKeyAsync(request, run.KeysCall);
            run.Output.Write(created, console =>
            {
                KeyViews.Key(console, created.Key);
                KeyViews.Secret(console, created.Secret);
            });
        });
        return command;
    }
}
