using Xunit;

namespace Platform.Testing;

/// <summary>Polls a condition until it holds; the long limit only guards against a hang, it is not a timing assertion.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not true after {seconds} s: {what}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, int seconds = 90) =>
        HoldsAsync(() => Task.FromResult(condition()), what, seconds);
}
