namespace Portal.Domain.AdministrativeUnits;

/// <summary>A commune-level unit (Xã or Phường). A merged unit keeps its row and points to its successor.</summary>
public sealed class Commune
{
    public const int NameMaxLength = 100;

    private Commune()
    {
        Name = FullName = UnitType = string.Empty;
    }

    public Commune(CommuneCode code, string name, string fullName, string unitType)
    {
        Code = code;
        Name = name;
        FullName = fullName;
        UnitType = unitType;
    }

    public CommuneCode Code { get; private set; }

    public string Name { get; private set; }

    public string FullName { get; private set; }

    public string UnitType { get; private set; }

    public CommuneCode? SuccessorCode { get; private set; }

    /// <summary>First day the unit exists (the 2025 reorganisation took effect on 01/07/2025).</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>Last day the unit exists; set when it is merged into its successor.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool IsActive => SuccessorCode is null;

    public void MergeInto(CommuneCode successor, DateOnly? lastDay = null)
    {
        if (successor == Code)
        {
            throw new InvalidOperationException("A commune cannot succeed itself.");
        }

        SuccessorCode = successor;
        ValidTo = lastDay;
    }

    public void ExistsFrom(DateOnly firstDay) => ValidFrom ??= firstDay;

    public void Rename(string name, string fullName, string unitType)
    {
        Name = name;
        FullName = fullName;
        UnitType = unitType;
    }
}
