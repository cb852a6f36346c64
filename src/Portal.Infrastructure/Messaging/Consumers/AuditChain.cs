using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Consumers;

public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>
/// The audit trail as a hash chain: each line's hash covers its sequence number, the previous line's
/// hash and its content, so editing, removing or inserting a line breaks the chain at that line (lines
/// cut from the very end leave a shorter chain that holds: <c>audit verify</c> prints the count and the
/// last hash, for the operator to compare with the previous run). The
/// portal only ever appends (no code updates or deletes a line); <see cref="VerifyAsync"/> walks the
/// chain and names the first line that does not hold. Hand-written: .NET has SHA-256, and a chain of
/// rows in our own table needs no library.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 64;

    public static readonly string Genesis = new('0', HashLength);

    /// <summary>Seals <paramref name="line"/> onto the end of the chain and adds it (inside the caller's transaction).</summary>
    public static async Task AppendAsync(PortalDbContext db, DossierEvent line, CancellationToken cancellationToken)
    {
        // The sealed end: lines an upgrade left unsealed (numbered below zero) are sealed later, after it.
        var last = await db.DossierEvents.AsNoTracking().Where(e => e.Hash != string.Empty).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        Seal(line, (last?.Sequence ?? 0) + 1, last?.Hash ?? Genesis);
        db.DossierEvents.Add(line);
    }

    public static void Seal(DossierEvent line, long sequence, string previousHash)
    {
        line.Sequence = sequence;
        line.PreviousHash = previousHash;
        line.Hash = HashOf(line);
    }

    public static string HashOf(DossierEvent line)
    {
        var content = string.Join(
            '\n',
            line.Sequence.ToString(CultureInfo.InvariantCulture), line.PreviousHash, line.MessageId.ToString("N"), line.DossierId.ToString("N"), line.Type,
            line.At.UtcTicks.ToString(CultureInfo.InvariantCulture), line.Body);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Every line in sequence order; the breaks found (an empty list: the chain holds), how many lines were read, and the last hash.</summary>
    public static async Task<(IReadOnlyList<AuditBreak> Breaks, long Lines, string LastHash)> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var breaks = new List<AuditBreak>();
        var (expectedSequence, previous, lines) = (1L, Genesis, 0L);
        await foreach (var line in db.DossierEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            lines++;
            if (line.Sequence != expectedSequence)
            {
                breaks.Add(new AuditBreak(line.Sequence, $"expected line {expectedSequence}: lines are missing"));
            }

            if (line.PreviousHash != previous)
            {
                breaks.Add(new AuditBreak(line.Sequence, "does not follow the line before it"));
            }

            if (line.Hash != HashOf(line))
            {
                breaks.Add(new AuditBreak(line.Sequence, "its content does not match its hash"));
            }

            (expectedSequence, previous) = (line.Sequence + 1, line.Hash);
        }

        return (breaks, lines, previous);
    }

    /// <summary>
    /// Seals lines written before the chain existed (the AuditHashChain migration leaves them unsealed),
    /// in the order they were written, after any sealed ones; in batches, so a long trail never sits in memory.
    /// </summary>
    public static async Task<long> SealUnsealedAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        if (!await db.DossierEvents.AnyAsync(e => e.Hash == string.Empty, cancellationToken))
        {
            return 0;
        }

        // Out of the way of the sequence numbers they are about to get (which are unique).
        await unitOfWork.ExecuteAsync(
            ct => db.DossierEvents.Where(e => e.Hash == string.Empty).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, e => -e.Id), ct),
            cancellationToken);
        var end = await db.DossierEvents.AsNoTracking().Where(e => e.Hash != string.Empty).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, previous, sealedLines) = (end?.Sequence ?? 0, end?.Hash ?? Genesis, 0L);
        while (true)
        {
            var batch = await unitOfWork.ExecuteAsync(
                async ct =>
                {
                    var lines = await db.DossierEvents.Where(e => e.Hash == string.Empty).OrderBy(e => e.Id).Take(5_000).ToListAsync(ct);
                    foreach (var line in lines)
                    {
                        Seal(line, ++sequence, previous);
                        previous = line.Hash;
                    }

                    return lines.Count;
                },
                cancellationToken);
            db.ChangeTracker.Clear();
            sealedLines += batch;
            if (batch == 0)
            {
                return sealedLines;
            }
        }
    }
}
