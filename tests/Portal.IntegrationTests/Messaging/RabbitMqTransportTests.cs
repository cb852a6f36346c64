using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Messaging;
using Portal.IntegrationTests.Support;
using RabbitMQ.Client;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// The portal on a real RabbitMQ broker (started on loopback by the test command, port in
/// PORTAL_RABBITMQ_PORT, default 5679). If the broker cannot be reached the host fails to start
/// and these tests fail: they never skip.
/// </summary>
public sealed class RabbitMqAppFactory : PortalAppFactory
{
    public static ushort Port => ushort.TryParse(Environment.GetEnvironmentVariable("PORTAL_RABBITMQ_PORT"), out var port) ? port : (ushort)5679;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Transport", "RabbitMq");
        builder.UseSetting("Messaging:RabbitMq:Host", "127.0.0.1");
        builder.UseSetting("Messaging:RabbitMq:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(RabbitCollection.Name)]
public sealed class RabbitMqTransportTests(RabbitMqAppFactory factory) : IClassFixture<RabbitMqAppFactory>
{
    [Fact]
    public async Task A_dossier_filed_on_the_web_reaches_its_commune_worklist_through_RabbitMQ_quorum_queues()
    {
        var bus = factory.Services.GetRequiredService<IBus>();
        Assert.Equal("rabbitmq", bus.Address.Scheme);
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");
        var form = await citizen.GetPageAsync("/nop-ho-so/1.004194");

        var response = await citizen.Http.PostAsync("/nop-ho-so/1.004194", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CommuneCode"] = PortalAppFactory.HamRong,
            ["Consent"] = "true",
            ["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId"),
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form),
            ["Fields[temporaryAddress]"] = "Số 3 phố Trần Phú",
            ["Fields[fromDate]"] = "2026-12-01",
            ["Fields[toDate]"] = "2027-12-01",
        }));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var code = response.Headers.Location!.OriginalString.Split('/')[^1];
        var item = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)),
            "the dossier to cross RabbitMQ into its worklist", TimeSpan.FromSeconds(60));
        Assert.Equal("worklist-14758-police", item.QueueName);
        // A quorum queue, and what it would drop past its delivery limit goes to the dead-letter exchange and its quorum queue.
        Assert.Equal("quorum", await QueueTypeAsync("worklist-14758-police", new() { ["x-dead-letter-exchange"] = BusRegistration.DeadLetterQueue }));
        Assert.Equal("quorum", await QueueTypeAsync(BusRegistration.DeadLetterQueue));
    }

    /// <summary>Re-declaring a queue with different arguments is refused by the broker, which tells us the type (and arguments) it has.</summary>
    private static async Task<string> QueueTypeAsync(string queue, Dictionary<string, object?>? more = null)
    {
        var connectionFactory = new ConnectionFactory { HostName = "127.0.0.1", Port = RabbitMqAppFactory.Port, UserName = "guest", Password = "guest" };
        await using var connection = await connectionFactory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
        try
        {
            await using var probe = await connection.CreateChannelAsync();
            await probe.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>(more ?? []) { ["x-queue-type"] = "quorum" });
            return "quorum";
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return "not quorum";
        }
    }
}
