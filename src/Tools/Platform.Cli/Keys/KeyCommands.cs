using System.CommandLine;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Spectre.Console;
using Platform.Contracts.Keys.V1;

namespace Platform.Cli.Keys;

/// <summary><c>platform keys ...</c>: API keys of an account. Secrets are printed only by create and rotate.</summary>
internal static class KeyCommands
{
    public static Command Create(CliHost host)
    {
        var keys = new Command("keys", "API keys: create, list, update, rotate, delete");
        foreach (var command in new[] { KeyCreateCommand.Create(host), List(host), Get(host), KeyUpdateCommand.Create(host), Rotate(host), Delete(host) })
            keys.Subcommands.Add(command);
        return keys;
    }

    internal static Argument<string> HashArgument() => new("HASH") { Description = "The key's id (32 hex characters, see `keys list`)" };

    private static Command List(CliHost host)
    {
        var account = new AccountResolver();
        var (offset, limit) = (Paging.Offset(), Paging.Limit());
        var disabled = new Option<bool>("--include-disabled") { Description = "Disabled keys too" };
        var command = new Command("list", "Keys of an account (members see the keys they created)") { disabled, offset, limit };
        foreach (var option in account.Options) command.Options.Add(option);
        host.Handle(command, async run =>
        {
            var page = await run.Keys.ListKeysAsync(new ListKeysRequest
            {
                AccountId = await account.ResolveAsync(run), IncludeDisabled = run.Get(disabled), Offset = run.Get(offset), Limit = run.Get(limit),
            }, run.KeysCall);
            run.Output.Write(page, console => KeyViews.Keys(console, page, run.Get(offset)));
        });
        return command;
    }

    private static Command Get(CliHost host)
    {
        var hash = HashArgument();
        var command = new Command("get", "One key") { hash };
        host.Handle(command, async run =>
        {
            var key = await run.Keys.GetKeyAsync(new GetKeyRequest { Hash = run.Get(hash) }, run.KeysCall);
            run.Output.Write(key, console => KeyViews.Key(console, key));
        });
        return command;
    }

    private static Command Rotate(CliHost host)
    {
        var (hash, grace) = (HashArgument(), KeyOptions.Grace());
        var command = new Command("rotate", "Issue a new secret for the key; the old one works for --grace more") { hash, grace };
        host.Handle(command, async run =>
        {
            var rotated = await run.Keys.RotateKeyAsync(
                new RotateKeyRequest { Hash = run.Get(hash), GracePeriod = Duration.FromTimeSpan(run.Get(grace)) }, run.KeysCall);
            run.Output.Write(rotated, console =>
            {
                KeyViews.Key(console, rotated.Key);
                console.WriteLine(rotated.PreviousSecretValidUntil is { } until && until.ToDateTimeOffset() > run.Clock.GetUtcNow()
                    ? $"The previous secret works until {Tables.Time(until)}."
                    : "The previous secret no longer works.");
                KeyViews.Secret(console, rotated.Secret);
            });
        });
        return command;
    }

    private static Command Delete(CliHost host)
    {
        var hash = HashArgument();
        var command = new Command("delete", "Delete a key; its secrets stop working at once") { hash };
        host.Handle(command, async run =>
        {
            var response = await run.Keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = run.Get(hash) }, run.KeysCall);
            run.Output.Write(new JsonObject { ["hash"] = run.Get(hash), ["deleted"] = response.Deleted },
                console => console.Line(response.Deleted ? $"Deleted key {run.Get(hash)}." : $"Key {run.Get(hash)} was already deleted."));
        });
        return command;
    }
}
