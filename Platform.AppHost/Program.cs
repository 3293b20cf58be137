using Platform.AppHost;
using Platform.AppHost.Development;

// The platform's local model, in Aspire's shape. Ports are the defaults of docs/conventions.md; --port NAME=PORT or
// --free-ports changes them. To add a service, see docs/operations.md.
var builder = DistributedApplication.CreateBuilder(args);
var signingKey = DevelopmentSigningKey.LoadOrCreate(builder.Options);

var postgres = builder.AddPostgres("postgres", port: 5532);
var identitydb = postgres.AddDatabase("identitydb", databaseName: "identity");
var keysdb = postgres.AddDatabase("keysdb", databaseName: "keys");
var messaging = builder.AddRabbitMQ("messaging", port: 5682, distributionPort: 25682);

var identity = builder.AddProject("identity", "src/Services/Identity/Platform.Identity/Platform.Identity.csproj", httpPort: 7101, grpcPort: 7102)
    .WithReference(identitydb)
    .WithReference(messaging)
    .WithDevelopmentAuthentication(signingKey)
    .WithDevelopmentIssuer();

builder.AddProject("keys", "src/Services/Keys/Platform.Keys/Platform.Keys.csproj", httpPort: 7111, grpcPort: 7112)
    .WithReference(keysdb)
    .WithReference(messaging)
    .WithReference(identity)
    .WithDevelopmentAuthentication(signingKey);

builder.Build().Run();
