using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;

namespace Portal.Web.Features.Statistics;

/// <summary>
/// <c>dotnet Portal.Web.dll statistics verify</c>: recounts the supervisors' counters from the dossiers
/// and lists every commune × agency × procedure × day where they differ (exit code 1 if any);
/// and the open-backlog counters from the worklist; <c>statistics rebuild</c> replaces both with the
/// recount, then verifies.
/// </summary>
public static class StatisticsCommand
{
    public const string Name = "statistics";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var verb = args.Count > 1 ? args[1] : string.Empty;
        if (verb is not ("verify" or "rebuild"))
        {
            await output.WriteLineAsync("usage: statistics verify|rebuild");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (verb == "rebuild")
        {
            var rows = await StatisticsRecount.RebuildAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), CancellationToken.None);
            await output.WriteLineAsync($"rebuilt {rows} counter rows from the dossiers");
        }

        var differences = await StatisticsRecount.CompareAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        foreach (var d in differences.Take(50))
        {
            await output.WriteLineAsync($"{d.Key.CommuneCode} {d.Key.Agency} {d.Key.ProcedureCode} {d.Key.Day:yyyy-MM-dd}: counters {d.Counter?.Counts} recount {d.Recount?.Counts}");
        }

        await output.WriteLineAsync(differences.Count == 0 ? "counters match the dossiers" : $"{differences.Count} counter rows differ from the dossiers");
        var backlog = await BacklogCounters.CompareAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        foreach (var d in backlog.Take(50))
        {
            await output.WriteLineAsync($"{d.Key.CommuneCode} {d.Key.Agency} {d.Key.Axis} {d.Key.Day:yyyy-MM-dd}: backlog counter {d.Counter} recount {d.Recount}");
        }

        await output.WriteLineAsync(backlog.Count == 0 ? "backlog counters match the worklist" : $"{backlog.Count} backlog counters differ from the worklist");
        return differences.Count == 0 && backlog.Count == 0 ? 0 : 1;
    }
}
