using System.Net;
using Portal.Web.Infrastructure;

namespace Portal.UnitTests.Supervision;

/// <summary>Rate limits count per client: an IPv4 address, or an IPv6 /64 (whose addresses its owner can rotate at will).</summary>
public sealed class RateLimitClientTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_an_IPv4_address_or_an_IPv6_64(string address, string client) =>
        Assert.Equal(client, RateLimits.ClientOf(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_client() => Assert.Equal("unknown", RateLimits.ClientOf(null));
}
