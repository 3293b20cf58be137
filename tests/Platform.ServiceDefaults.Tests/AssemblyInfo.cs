using Platform.Testing;

[assembly: AssemblyFixture(typeof(LocalServers))]

// ActivityListeners are process-wide: a service under test would also record another test's requests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
