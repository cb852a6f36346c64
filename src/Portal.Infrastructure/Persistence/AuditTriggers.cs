namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The audit trail (<c>DossierEvents</c>) is append-only in the database itself: triggers refuse to change or
/// delete a sealed line (one with a hash), whoever asks, the portal included. Unsealed lines (left by an
/// upgrade, before <c>audit seal</c>) may still be sealed. Someone able to drop the triggers (the database's
/// owner) can still edit the table; the hash chain then shows it (<c>audit verify</c>).
/// </summary>
public static class AuditTriggers
{
    public const string SqliteCreate = """
        CREATE TRIGGER "DossierEvents_sealed_no_update" BEFORE UPDATE ON "DossierEvents" WHEN OLD."Hash" <> ''
        BEGIN SELECT RAISE(ABORT, 'DossierEvents is append-only: a sealed audit line cannot be changed'); END;
        CREATE TRIGGER "DossierEvents_sealed_no_delete" BEFORE DELETE ON "DossierEvents" WHEN OLD."Hash" <> ''
        BEGIN SELECT RAISE(ABORT, 'DossierEvents is append-only: a sealed audit line cannot be deleted'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "DossierEvents_sealed_no_update";
        DROP TRIGGER IF EXISTS "DossierEvents_sealed_no_delete";
        """;

    /// <summary>One statement (CREATE TRIGGER must begin its batch, hence EXEC in the idempotent script).</summary>
    public const string SqlServerCreate = """
        EXEC(N'CREATE TRIGGER [DossierEvents_append_only] ON [DossierEvents] AFTER UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM deleted WHERE [Hash] <> N'''')
                THROW 51000, N''DossierEvents is append-only: a sealed audit line cannot be changed or deleted'', 1;
        END')
        """;

    public const string SqlServerDrop = "DROP TRIGGER IF EXISTS [DossierEvents_append_only];";
}
