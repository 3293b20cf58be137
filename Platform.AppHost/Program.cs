using Platform.AppHost;

// The platform's local model, in Aspire's shape. Ports are the defaults of docs/conventions.md; --port NAME=PORT or
// --free-ports changes them. To add a service, see docs/operations.md.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres", port: 5532);
var sampledb = postgres.AddDatabase("sampledb", databaseName: "sample");
var messaging = builder.AddRabbitMQ("messaging", port: 5682, distributionPort: 25682);

// Until the real services exist, a service with only the defaults proves the wiring.
builder.AddProject("sample", "tests/Platform.SampleService/Platform.SampleService.csproj", httpPort: 7191, grpcPort: 7192)
    .WithReference(sampledb)
    .WithReference(messaging);

builder.Build().Run();
