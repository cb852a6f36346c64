namespace Portal.Infrastructure.Persistence;

/// <summary>The next sequence number of dossier codes for one receiving commune on one local day.</summary>
internal sealed class DossierCodeSequence
{
    public const int ScopeMaxLength = 16;

    public required string Scope { get; init; }

    public long Next { get; set; }
}
