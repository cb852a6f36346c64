using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.IntegrationTests.Support;

/// <summary>The portal on a real Kestrel socket on 127.0.0.1 (a port the OS picks), for real HTTP clients.</summary>
public class KestrelPortalFactory : PortalAppFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelPortalFactory()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _address = new Lazy<Uri>(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        });
    }

    public Uri Address => _address.Value;

    public BrowserClient CreateBrowser() => new(Address);
}
