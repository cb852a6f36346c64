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
/// scopes' values (ASP.NET Core's request id, MassTransit's message and conversation ids). Every string, names
/// included, is masked as by <see cref="MaskingConsoleFormatter"/> before it is written.
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
                WriteValues(json, values, []);
                json.WriteEndObject();
            }

            if (scopeProvider is not null)
            {
                // Scopes with values (ASP.NET Core's request, MassTransit's message) become properties, the first
                // scope's value winning when two name the same one; plain scopes (text) are listed apart.
                var texts = new List<string>();
                json.WriteStartObject("scopes");
                scopeProvider.ForEachScope(
                    static (scope, state) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            WriteValues(state.Json, pairs, state.Written);
                        }
                        else if (Convert.ToString(scope, CultureInfo.InvariantCulture) is { Length: > 0 } text)
                        {
                            state.Texts.Add(MaskingConsoleFormatter.Mask(text));
                        }
                    },
                    (Json: json, Written: new HashSet<string>(StringComparer.Ordinal), Texts: texts));
                json.WriteEndObject();
                if (texts.Count > 0)
                {
                    json.WriteStartArray("scopeText");
                    texts.ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                }
            }

            json.WriteEndObject();
        }

        textWriter.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Each pair once (the first of a name), name and value masked.</summary>
    private static void WriteValues(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values, HashSet<string> written)
    {
        foreach (var (key, value) in values)
        {
            var name = MaskingConsoleFormatter.Mask(key);
            if (key == "{OriginalFormat}" || !written.Add(name))
            {
                continue;
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            json.WriteString(name, text is null ? null : MaskingConsoleFormatter.Mask(text));
        }
    }
}
