using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Supervision;

namespace Portal.IntegrationTests.Hosting;

/// <summary>"Online now" counts browsers seen by any web replica in the last five minutes, each once.</summary>
public sealed class OnlineNowTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Online_now_adds_what_other_replicas_wrote_to_this_ones_sightings_without_counting_anyone_twice()
    {
        var activity = portal.Services.GetRequiredService<SiteActivity>();
        var before = await OnlineNowAsync(activity); // browsers other tests of this class brought
        var (here, elsewhere, both, gone, fresh) = (Id('a'), Id('b'), Id('c'), Id('d'), Id('e'));
        activity.Seen(here, newVisit: false); // browsers that came back with their cookie
        activity.Seen(both, newVisit: false);
        activity.Seen(fresh, newVisit: true); // a first page: counted here, not written for the others
        var now = DateTimeOffset.UtcNow;
        await portal.QueryAsync(async db =>
        {
            // What another replica wrote: one browser only it saw, one this replica also saw, one that left ten minutes ago.
            db.SiteVisitors.AddRange(
                new SiteVisitor { Visitor = elsewhere, LastSeenAt = now.AddMinutes(-1) },
                new SiteVisitor { Visitor = both, LastSeenAt = now.AddMinutes(-2) },
                new SiteVisitor { Visitor = gone, LastSeenAt = now.AddMinutes(-10) });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before + 4, await OnlineNowAsync(activity));

        // Once this replica has written its sightings, the count is the same, and the shared sighting carries the later time.
        await portal.Services.GetRequiredService<SiteActivityFlusher>().FlushAsync(CancellationToken.None);
        Assert.Equal(before + 4, await OnlineNowAsync(activity));
        var shared = await portal.QueryAsync(db => db.SiteVisitors.SingleAsync(v => v.Visitor == both));
        Assert.True(shared.LastSeenAt > now.AddMinutes(-1));
        Assert.True(await portal.QueryAsync(db => db.SiteVisitors.AnyAsync(v => v.Visitor == here)));
        Assert.False(await portal.QueryAsync(db => db.SiteVisitors.AnyAsync(v => v.Visitor == fresh)));
    }

    [Fact]
    public async Task A_visit_cookie_that_is_not_a_visitor_id_starts_a_new_visit()
    {
        using var http = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{SiteActivity.CookieName}={new string('z', SiteVisitor.IdLength)}");
        var response = await http.SendAsync(request);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SiteActivity.CookieName, StringComparison.Ordinal));
        Assert.DoesNotContain(new string('z', SiteVisitor.IdLength), cookie, StringComparison.Ordinal);
    }

    private static string Id(char c) => new(c, SiteVisitor.IdLength);

    private async Task<int> OnlineNowAsync(SiteActivity activity)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await activity.OnlineNowAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
    }
}
