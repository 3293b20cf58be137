using System.CommandLine;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Keys.V1;

namespace Platform.Cli.Keys;

/// <summary><c>keys update HASH</c>: only what is given changes.</summary>
internal static class KeyUpdateCommand
{
    public static Command Create(CliHost host)
    {
        var hash = KeyCommands.HashArgument();
        var name = new Option<string?>("--name") { Description = "New name, 1 to 200 characters" };
        var disable = new Option<bool>("--disable") { Description = "Disable the key (its secrets stop working)" };
        var enable = new Option<bool>("--enable") { Description = "Enable the key again" };
        var (limit, reset) = (KeyOptions.Limit(), KeyOptions.LimitReset(allowNever: true));
        var noLimit = new Option<bool>("--no-limit") { Description = "Remove the spending limit" };
        var command = new Command("update", "Change a key's name, state, limit or limit reset") { hash, name, disable, enable, limit, noLimit, reset };
        command.Validators.Add(result =>
        {
            if (result.GetValue(disable) && result.GetValue(enable)) result.AddError("Give --disable or --enable, not both.");
            if (result.GetResult(limit) is not null && result.GetValue(noLimit)) result.AddError("Give --limit or --no-limit, not both.");
            if (result.GetResult(name) is null && !result.GetValue(disable) && !result.GetValue(enable) && result.GetResult(limit) is null
                && !result.GetValue(noLimit) && result.GetResult(reset) is null)
                result.AddError("Nothing to update: give --name, --disable, --enable, --limit, --no-limit or --limit-reset.");
        });
        host.Handle(command, async run =>
        {
            var request = new UpdateKeyRequest { Hash = run.Get(hash) };
            if (run.Get(name) is { } newName) request.Name = newName;
            if (run.Get(disable)) request.Disabled = true;
            if (run.Get(enable)) request.Disabled = false;
            if (run.Get(limit) is { } amount) request.Limit = KeyOptions.Format(amount);
            if (run.Get(noLimit)) request.Limit = "";
            if (run.Get(reset) is { } interval) request.LimitReset = interval == "never" ? "" : interval;
            var key = await run.Keys.UpdateKeyAsync(request, run.KeysCall);
            run.Output.Write(key, console => KeyViews.Key(console, key));
        });
        return command;
    }
}
