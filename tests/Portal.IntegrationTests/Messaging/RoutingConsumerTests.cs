using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

public sealed class RoutingConsumerTests(HarnessAppFactory factory) : IClassFixture<HarnessAppFactory>
{
    [Fact]
    public async Task A_filed_dossier_is_published_from_the_outbox_and_routed_to_its_commune_and_agency_queue()
    {
        var harness = factory.Services.GetTestHarness();

        var code = (await DossierFiler.FileAsync(factory.Services, "1.004222", PortalAppFactory.HamRong)).Value;

        Assert.True(await harness.Published.Any<DossierSubmitted>(x => x.Context.Message.Code == code));
        Assert.True(await harness.GetConsumerHarness<RouteSubmittedDossierConsumer>().Consumed.Any<DossierSubmitted>(x => x.Context.Message.Code == code));
        Assert.True(await harness.Sent.Any<AddDossierToWorklist>(x =>
            x.Context.Message.Code == code && x.Context.DestinationAddress!.AbsolutePath.EndsWith("/worklist-14758-police", StringComparison.Ordinal)));
        var item = await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the worklist item");
        Assert.Equal("worklist-14758-police", item.QueueName);
        Assert.Null(await factory.QueryAsync(db => db.OutboxMessages.FirstOrDefaultAsync(m => m.SentAt == null && m.Body.Contains(code))));
    }

    [Fact]
    public async Task A_redelivered_or_duplicated_worklist_message_changes_nothing()
    {
        var harness = factory.Services.GetTestHarness();
        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HacThanh)).Value;
        var original = await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the worklist item");
        var message = new AddDossierToWorklist(
            original.DossierId, code, original.ProcedureCode, original.QueueName, original.CommuneCode, original.Agency,
            original.ApplicantName, original.FiledAt, original.DueAt);
        var endpoint = await harness.Bus.GetSendEndpoint(new Uri($"queue:{original.QueueName}"));
        var redelivered = NewId.NextGuid();

        await endpoint.Send(message, c => c.MessageId = redelivered);
        await endpoint.Send(message, c => c.MessageId = redelivered);
        await endpoint.Send(message, c => c.MessageId = NewId.NextGuid());

        var consumer = harness.GetConsumerHarness<AddDossierToWorklistConsumer>();
        Assert.True(await consumer.Consumed.Any<AddDossierToWorklist>(x => x.Context.MessageId == redelivered));
        await harness.InactivityTask; // all copies consumed, including the second copy of the redelivered id
        var copies = consumer.Consumed.Select<AddDossierToWorklist>(x => x.Context.Message.Code == code).ToList();
        Assert.Equal(3, copies.Count); // the harness lists each message id once: the original, the redelivered id, the new id
        var ids = copies.Select(c => c.Context.MessageId!.Value).ToList();
        Assert.Equal(1, await factory.QueryAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == AddDossierToWorklistConsumer.Name && ids.Contains(m.MessageId)))); // only the copy that had an effect
        Assert.All(copies, c => Assert.Null(c.Exception));
        Assert.Equal(1, await factory.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierId == original.DossierId)));
        Assert.Equal(original.EnqueuedAt, (await factory.QueryAsync(db => db.WorklistItems.SingleAsync(w => w.DossierId == original.DossierId))).EnqueuedAt);
    }
}
