using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;

namespace Portal.Domain.Routing;

/// <summary>One commune × one agency: the worklist a dossier is processed in.</summary>
public readonly record struct ProcessingQueue(CommuneCode Commune, HandlingAgency Agency)
{
    public const int NameMaxLength = 40;

    /// <summary>Stable name used for the bus queue and the worklist, e.g. <c>worklist-14758-police</c>.</summary>
    public string Name => $"worklist-{Commune.Value}-{AgencySlug(Agency)}";

    public static string AgencySlug(HandlingAgency agency) => agency switch
    {
        HandlingAgency.CommunePolice => "police",
        HandlingAgency.CommuneCommittee => "committee",
        _ => throw new ArgumentOutOfRangeException(nameof(agency), agency, null),
    };
}
