namespace Portal.Web;

/// <summary>
/// Marker for the UI strings. Keys are the Vietnamese text itself (Vietnamese is the default
/// language); <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;
