namespace Platform.Domain;

/// <summary>
/// Offset pagination as every list RPC takes it (offset, limit; a limit of 0 means the default), so every service
/// pages, and refuses bad pages, the same way.
/// </summary>
public static class Pagination
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Checks the request's <c>offset</c> and <c>limit</c> fields; returns the page with the default applied.</summary>
    public static (int Offset, int Limit) Page(this Validation v, int offset, int limit)
    {
        v.When(offset < 0, "offset", "The offset must be 0 or more.")
         .When(limit is < 0 or > MaxLimit, "limit", $"The page size must be 0 (the default, {DefaultLimit}) to {MaxLimit}.");
        return (offset, limit == 0 ? DefaultLimit : limit);
    }
}
