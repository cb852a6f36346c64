using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Audit;

/// <summary>
/// <c>dotnet Portal.Web.dll audit verify</c>: walks the audit trail's hash chain and lists every line that
/// does not hold (changed, removed or inserted behind the portal's back); exit code 1 if any; prints the
/// number of lines and the last hash (compare with the previous run: lines cut from the very end leave a
/// shorter chain that holds). <c>audit seal</c> seals lines an upgrade left unsealed (done at start-up
/// when the portal migrates its own database; run it after applying the SQL Server script).
/// </summary>
public static class AuditCommand
{
    public const string Name = "audit";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count < 2 || args[1] is not ("verify" or "seal"))
        {
            await output.WriteLineAsync("usage: audit verify|seal");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (args[1] == "seal")
        {
            await output.WriteLineAsync($"sealed {await AuditChain.SealUnsealedAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), CancellationToken.None)} lines");
        }

        var (breaks, lines, last) = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        foreach (var b in breaks.Take(50))
        {
            await output.WriteLineAsync($"line {b.Sequence}: {b.Problem}");
        }

        await output.WriteLineAsync(breaks.Count == 0 ? $"audit trail intact: {lines} lines, last hash {last}" : $"audit trail broken: {breaks.Count} problems in {lines} lines");
        return breaks.Count == 0 ? 0 : 1;
    }
}
