// One platform for the whole assembly: starting it (servers, migrations, two services) is the slow part.
[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.PlatformUnderAppHost))]
