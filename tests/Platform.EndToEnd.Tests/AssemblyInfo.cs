// The AppHost runs PostgreSQL and RabbitMQ from a Linux machine's packages.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
// One platform for the whole assembly: starting it (servers, migrations, two services) is the slow part.
[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.PlatformUnderAppHost))]
