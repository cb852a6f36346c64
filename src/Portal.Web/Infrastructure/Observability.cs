using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Infrastructure.Observability;

namespace Portal.Web.Infrastructure;

/// <summary>
/// OpenTelemetry for every process: metrics (ASP.NET Core, the runtime, EF Core, MassTransit, the portal's own
/// <see cref="PortalMetrics"/>) on a Prometheus endpoint, <c>/metrics</c>, and, when <c>Telemetry:Otlp:Endpoint</c>
/// is set, traces (ASP.NET Core requests, EF Core commands, MassTransit sends and consumes, linked across the bus)
/// and the same metrics pushed over OTLP. Health checks and the scrape itself are not traced.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var role = configuration["Portal:Role"] is { Length: > 0 } r ? r : "All";
        // EF Core's own meter costs the API about a third of its peak on two cores (load tool: 681 against 943 requests/s
        // refused before any write), so it is on where metrics are scraped (deploy/) and off in the embedded default.
        var efCoreMetrics = configuration.GetValue("Telemetry:EntityFrameworkCoreMetrics", false);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("portal", serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString(), serviceInstanceId: Environment.MachineName)
                .AddAttributes([new("portal.role", role)]))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("MassTransit", PortalMetrics.MeterName)
                    .AddPrometheusExporter();
                if (efCoreMetrics)
                {
                    metrics.AddMeter("Microsoft.EntityFrameworkCore");
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is null)
        {
            services.AddHostedService<TraceContextPropagation>();
        }
        else
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("MassTransit", Tracing.SourceName)
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = otlp;
                    o.Protocol = OtlpExportProtocol.Grpc;
                }));
        }

        return services;
    }

    /// <summary>The Prometheus scrape endpoint, anonymous: the reverse proxy keeps it from the Internet (deploy/nginx).</summary>
    public static void MapPortalMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
}

/// <summary>
/// Without a trace exporter, the bus's activities (the outbox dispatcher's publish, MassTransit's send and consume) are
/// still created, with their trace context but nothing recorded (<see cref="System.Diagnostics.ActivitySamplingResult.PropagationData"/>),
/// so a log line written while a message is consumed carries the trace id of the request that filed it: the logs'
/// correlation id across the bus. With an exporter the OpenTelemetry tracer listens instead.
/// </summary>
public sealed class TraceContextPropagation : IHostedService, IDisposable
{
    private readonly System.Diagnostics.ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "MassTransit" or Tracing.SourceName,
        Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.PropagationData,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        System.Diagnostics.ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();
}
