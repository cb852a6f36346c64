namespace Portal.Domain.Common;

/// <summary>Something that happened in the domain that other parts of the portal react to.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
