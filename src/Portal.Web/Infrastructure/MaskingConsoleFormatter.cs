using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Portal.Domain.People;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The console log (the only log sink the portal configures) in the layout of .NET's simple formatter, with
/// personal data masked before a line is written, whoever logged it (the portal, ASP.NET Core, Identity, EF Core,
/// MassTransit), in the message and in the exception: a 12-digit citizen ID as <c>038******001</c>, a Vietnamese
/// phone number as <c>091****678</c>. The portal's own log messages carry no personal data in the first place;
/// this is the net under them (an exception quoting a user name, a library logging a value).
/// </summary>
public sealed partial class MaskingConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "portal-masked";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(logEntry.LogLevel switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        });
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.WriteLine(']');
        textWriter.Write("      ");
        textWriter.WriteLine(Mask(message));
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(Mask(logEntry.Exception.ToString()));
        }
    }

    /// <summary><paramref name="text"/> with every citizen ID and phone number in it masked.</summary>
    public static string Mask(string? text) =>
        text is null ? string.Empty : PhoneNumbers().Replace(CitizenIds().Replace(text, m => CitizenId.Mask(m.Value)), m => string.Concat(m.ValueSpan[..^7], "****", m.ValueSpan[^3..]));

    /// <summary>Twelve digits on their own, but not the last group of a GUID (a message or correlation id).</summary>
    [GeneratedRegex(@"(?<!\d)(?<![0-9A-Fa-f]{4}-)\d{12}(?!\d)")]
    private static partial Regex CitizenIds();

    [GeneratedRegex(@"(?<![\d+])(?:\+84|0)\d{9}(?!\d)")]
    private static partial Regex PhoneNumbers();
}
