namespace Portal.Domain.Dossiers;

/// <summary>Who acts on a dossier: a user name, and the role and commune they act in (null for the citizen or the system).</summary>
public readonly record struct ActorRef(string Name, string? Role = null, string? Commune = null)
{
    public const int RoleMaxLength = 40;

    public static implicit operator ActorRef(string name) => new(name);
}
