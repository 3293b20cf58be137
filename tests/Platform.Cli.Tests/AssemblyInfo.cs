using Platform.Testing;

// PostgreSQL and RabbitMQ start only when a test asks for them (the end-to-end tests).
[assembly: AssemblyFixture(typeof(LocalServers))]
