using Platform.Hosting.Local.Postgres;
using Platform.Hosting.Local.Processes;
using Platform.Hosting.Local.RabbitMq;

// Starts a PostgreSQL and a RabbitMQ, prints where they are, and waits to be killed.
var postgres = new PostgresServer(new PostgresServerOptions { Durable = false });
var rabbitMq = new RabbitMqServer(new RabbitMqServerOptions());
await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
Console.WriteLine($"ready {postgres.Port} {rabbitMq.AmqpPort} {LocalInstance.Current.Directory}");
await Task.Delay(Timeout.Infinite);
