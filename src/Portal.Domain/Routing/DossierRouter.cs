using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;

namespace Portal.Domain.Routing;

/// <summary>
/// Picks the processing queue: the procedure's agency at the receiving commune, following the chain
/// of successors when the commune has been merged.
/// </summary>
public static class DossierRouter
{
    private const int MaxSuccessorHops = 10;

    public static ProcessingQueue Route(CommuneCode receivingCommune, HandlingAgency agency, Func<CommuneCode, Commune?> findCommune)
    {
        var current = receivingCommune;
        for (var hop = 0; hop <= MaxSuccessorHops; hop++)
        {
            var commune = findCommune(current) ?? throw new InvalidOperationException($"Unknown commune {current}.");
            if (commune.SuccessorCode is not { } successor)
            {
                return new ProcessingQueue(commune.Code, agency);
            }

            current = successor;
        }

        throw new InvalidOperationException($"Commune {receivingCommune} has a successor chain that does not end.");
    }
}
