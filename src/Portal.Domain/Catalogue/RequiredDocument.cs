namespace Portal.Domain.Catalogue;

/// <summary>A paper the dossier needs; optional ones are only needed in some cases (the note says when).</summary>
public sealed record RequiredDocument(string NameVi, string NameEn, bool Required = true);

/// <summary>How much of the procedure can be done online (national classification).</summary>
public enum OnlineServiceLevel
{
    /// <summary>Toàn trình: filed, processed and the result returned online.</summary>
    Full = 1,

    /// <summary>Một phần: some step (e.g. collecting an original) still needs the citizen.</summary>
    Partial = 2,
}
