namespace Platform.Messaging.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void An_aspire_style_uri_gives_host_port_virtual_host_and_credentials_and_hides_the_password()
    {
        var address = BrokerAddress.Parse("amqp://platform:p%40ss@127.0.0.1:5682/test-vhost%2F1");

        Assert.Equal(new BrokerAddress("127.0.0.1", 5682, "test-vhost/1", "platform", "p@ss", false), address);
        Assert.DoesNotContain("p@ss", address.ToString());
        Assert.Equal(("/", (ushort)5672), (BrokerAddress.Parse("amqp://u:p@rabbit/").VirtualHost, BrokerAddress.Parse("amqp://u:p@rabbit/").Port));
        Assert.Throws<ArgumentException>(() => BrokerAddress.Parse("http://rabbit"));
    }
}
