using Platform.Testing;

// PostgreSQL and RabbitMQ start only when a test asks for them (every test that talks to the real services).
[assembly: AssemblyFixture(typeof(LocalServers))]
