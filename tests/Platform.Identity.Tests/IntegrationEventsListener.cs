using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Identity.Tests;

/// <summary>
/// Listens on RabbitMQ like another service would: an exclusive queue bound to the fanout exchanges MassTransit publishes
/// integration events to ("Namespace:Type"). Bind before the events happen.
/// </summary>
public sealed class IntegrationEventsListener : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private IntegrationEventsListener(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public ConcurrentQueue<(string Type, JsonElement Message, string MessageId)> Received { get; } = new();

    public static async Task<IntegrationEventsListener> StartAsync(string broker, params string[] types)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var listener = new IntegrationEventsListener(connection, channel);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in types)
        {
            var exchange = $"Platform.Contracts.IntegrationEvents:{type}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            var type = envelope.RootElement.GetProperty("messageType")[0].GetString()!.Split(':')[^1];
            listener.Received.Enqueue((type, envelope.RootElement.GetProperty("message").Clone(), envelope.RootElement.GetProperty("messageId").GetString()!));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
