namespace Platform.AppHost.Tests;

/// <summary>Waits for a condition by polling, failing after a generous hang guard (never a timing assertion).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, Func<string>? detail = null) =>
        await UntilAsync(() => Task.FromResult(condition()), what, detail);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + RunningAppHost.HangGuard;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"hang guard: still waiting for {what}. {detail?.Invoke()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
