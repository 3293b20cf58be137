using System.Diagnostics;

namespace Platform.SampleService;

/// <summary>One endpoint that does traced work of its own, so tests can follow a span from this service to a collector.</summary>
public static class GreetingApi
{
    public const string ActivitySourceName = "Platform.SampleService";
    public const string GreetSpanName = "sample.greet";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    public static RouteGroupBuilder MapGreetingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/greetings");
        api.MapGet("/{name}", (string name) =>
        {
            using var activity = Source.StartActivity(GreetSpanName);
            activity?.SetTag("greeting.name_length", name.Length);
            return name.Length is > 0 and <= 100
                ? Results.Ok(new { greeting = $"Hello, {name}." })
                : Results.BadRequest(new { error = "name must be 1 to 100 characters", field = "name" });
        });
        return api;
    }
}
