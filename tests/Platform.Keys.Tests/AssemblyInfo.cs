using Platform.Testing;

[assembly: AssemblyFixture(typeof(LocalServers))]
