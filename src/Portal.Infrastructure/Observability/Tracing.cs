using System.Diagnostics;

namespace Portal.Infrastructure.Observability;

/// <summary>The portal's own <see cref="ActivitySource"/> (the outbox's publishes), exported with ASP.NET Core's, EF Core's and MassTransit's.</summary>
public static class Tracing
{
    public const string SourceName = "Portal";

    public static readonly ActivitySource Source = new(SourceName);
}
