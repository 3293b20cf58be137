using System.Text;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Hosting.Local.Tests;

public sealed class RabbitMqServerTests(LocalServers servers)
{
    [Fact]
    public async Task A_message_published_to_a_virtual_host_can_be_consumed_from_it()
    {
        var connectionString = await servers.CreateVirtualHostAsync("roundtrip");
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);

        await channel.QueueDeclareAsync("probe", durable: true, exclusive: false, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);
        await channel.BasicPublishAsync("", "probe", Encoding.UTF8.GetBytes("hello"), TestContext.Current.CancellationToken);
        BasicGetResult? received = null;
        for (var attempt = 0; attempt < 50 && received is null; attempt++)
        {
            received = await channel.BasicGetAsync("probe", autoAck: true, TestContext.Current.CancellationToken);
            if (received is null) await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal("hello", Encoding.UTF8.GetString(received!.Body.Span));
    }

    [Fact]
    public async Task Virtual_hosts_do_not_share_queues()
    {
        var first = await servers.CreateVirtualHostAsync("first");
        var second = await servers.CreateVirtualHostAsync("second");
        await using var a = await new ConnectionFactory { Uri = new Uri(first) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var b = await new ConnectionFactory { Uri = new Uri(second) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channelA = await a.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var channelB = await b.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);

        await channelA.QueueDeclareAsync("only-in-first", durable: true, exclusive: false, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(() =>
            channelB.QueueDeclarePassiveAsync("only-in-first", TestContext.Current.CancellationToken));
        Assert.Equal((ushort)404, error.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var server = await servers.RabbitMqAsync();
        var factory = new ConnectionFactory { Uri = new Uri($"amqp://platform:wrong@127.0.0.1:{server.AmqpPort}/") };
        await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.BrokerUnreachableException>(() => factory.CreateConnectionAsync(TestContext.Current.CancellationToken));
    }
}
