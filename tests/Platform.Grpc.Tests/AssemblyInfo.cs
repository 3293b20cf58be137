using Platform.Grpc.Tests.Support;

[assembly: AssemblyFixture(typeof(ServerFixture))]
[assembly: AssemblyFixture(typeof(NodeInterop))]
