using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Structured logs for a log collector (<c>Logging:Console:FormatterName=json</c>): one JSON object per line with
/// the time (UTC), level, category, event id, message, the message's template values, the trace and span ids of
/// the current activity (the same ids OpenTelemetry exports, carried across the bus by MassTransit) and the
/// scopes' values (ASP.NET Core's request id, MassTransit's message and conversation ids). Every string is
/// masked as by <see cref="MaskingConsoleFormatter"/> before it is written.
/// </summary>
public sealed class MaskingJsonConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "portal-json";

    /// <summary>The value of <c>Logging:Console:FormatterName</c> that selects this formatter (in place of .NET's own, unmasked, JSON formatter).</summary>
    public const string ConfigurationValue = "json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", MaskingConsoleFormatter.Mask(message));
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", MaskingConsoleFormatter.Mask(exception.ToString()));
            }

            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> values)
            {
                json.WriteStartObject("state");
                WriteValues(json, values);
                json.WriteEndObject();
            }

            if (scopeProvider is not null)
            {
                json.WriteStartObject("scopes");
                scopeProvider.ForEachScope(
                    static (scope, writer) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            WriteValues(writer, pairs);
                        }
                    },
                    json);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteValues(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var (key, value) in values)
        {
            if (key == "{OriginalFormat}")
            {
                continue;
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            json.WriteString(key, text is null ? null : MaskingConsoleFormatter.Mask(text));
        }
    }
}
