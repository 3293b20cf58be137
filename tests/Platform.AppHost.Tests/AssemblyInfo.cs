// The AppHost runs PostgreSQL and RabbitMQ from a Linux machine's packages.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
