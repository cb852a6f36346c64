namespace Portal.Infrastructure.Citizens;

/// <summary>A filing form saved before submission, to resume later. Only its owner sees it.</summary>
public sealed class DossierDraft
{
    public const int ProcedureCodeMaxLength = 32;

    public Guid Id { get; init; }

    public required string UserId { get; init; }

    public required string ProcedureCode { get; init; }

    /// <summary>The form as posted (JSON), restored into the same form.</summary>
    public required string Input { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An in-portal notice to a citizen (also sent by e-mail when they have an address).</summary>
public sealed class Notification
{
    public long Id { get; private set; }

    public required string UserId { get; init; }

    public required Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>The dossier status the notice announces (national code).</summary>
    public required int Status { get; init; }

    public required DateTimeOffset At { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>Every time staff open a dossier: the citizen sees who (role and unit) and when.</summary>
public sealed class DossierAccess
{
    public long Id { get; private set; }

    public required Guid DossierId { get; init; }

    public required string Role { get; init; }

    public string? Commune { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>The citizen's rating of the service, once per dossier (Decision 766 satisfaction indicator).</summary>
public sealed class DossierRating
{
    public const int CommentMaxLength = 1000;

    public required Guid DossierId { get; init; }

    public required bool Liked { get; init; }

    /// <summary>The commune whose queue processed the dossier (copied at rating time, so satisfaction is counted without reading the dossiers).</summary>
    public string CommuneCode { get; init; } = string.Empty;

    public Portal.Domain.Catalogue.HandlingAgency Agency { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }
}
