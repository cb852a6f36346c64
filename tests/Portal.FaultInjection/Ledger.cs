using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Portal.FaultInjection;

/// <summary>What the portal's database holds for one dossier, read straight from the SQLite file after the run.</summary>
public sealed record StoredDossier(
    string Id, string Code, Guid? Key, string Commune, int WorklistEntries, string? Queue,
    int SubmittedEvents, int RoutedEvents, TimeSpan? RoutingDelay);

/// <summary>Reads the database file the processes share; never writes, except the busy periods' lock.</summary>
public sealed class Ledger(string dataDirectory)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "portal.db"), Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60,
    }.ToString();

    public async Task<IReadOnlyList<StoredDossier>> DossiersAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.Id, d.Code, d.ClientRequestId, d.CommuneCode, d.FiledAt,
                   (SELECT COUNT(*) FROM WorklistItems w WHERE w.DossierId = d.Id),
                   (SELECT MIN(w.QueueName) FROM WorklistItems w WHERE w.DossierId = d.Id),
                   (SELECT MIN(w.EnqueuedAt) FROM WorklistItems w WHERE w.DossierId = d.Id),
                   (SELECT COUNT(*) FROM DossierEvents e WHERE e.DossierId = d.Id AND e.Type = 'DossierSubmitted'),
                   (SELECT COUNT(*) FROM DossierEvents e WHERE e.DossierId = d.Id AND e.Type = 'DossierRouted')
            FROM Dossiers d
            """;
        var dossiers = new List<StoredDossier>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var filed = Time(reader.GetString(4));
            var enqueued = reader.IsDBNull(7) ? (DateTime?)null : Time(reader.GetString(7));
            dossiers.Add(new StoredDossier(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)), reader.GetString(3),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(8), reader.GetInt32(9),
                enqueued - filed));
        }

        return dossiers;
    }

    /// <summary>Worklist entries whose dossier is not in the database (cannot happen with the foreign key; counted anyway).</summary>
    public Task<long> OrphanWorklistEntriesAsync() =>
        ScalarAsync("SELECT COUNT(*) FROM WorklistItems w WHERE NOT EXISTS (SELECT 1 FROM Dossiers d WHERE d.Id = w.DossierId)");

    public Task<long> UnsentOutboxMessagesAsync() => ScalarAsync("SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL");

    /// <summary>Parked messages not yet sent back successfully (waiting for a delayed redelivery or for an administrator).</summary>
    public Task<long> ParkedMessagesAsync() => ScalarAsync("SELECT COUNT(*) FROM ParkedMessages WHERE Status IN (1, 2)");

    /// <summary>
    /// Holds SQLite's write lock (<c>BEGIN IMMEDIATE</c>) for <paramref name="duration"/>, as a long report query,
    /// a backup or a stuck writer would: every other writer waits for it, up to the portal's busy timeout.
    /// </summary>
    public async Task HoldWriteLockAsync(TimeSpan duration)
    {
        await using var connection = await OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        await Task.Delay(duration);
        await using var rollback = connection.CreateCommand();
        rollback.CommandText = "ROLLBACK;";
        await rollback.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static DateTime Time(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
