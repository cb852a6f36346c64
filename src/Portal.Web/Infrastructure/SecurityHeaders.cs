namespace Portal.Web.Infrastructure;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows scripts and styles from
/// this site only (no inline script or style anywhere in the views), no framing, no MIME sniffing, a
/// referrer that never leaves the path (dossier codes appear in paths), and no powerful browser
/// features. HSTS is added outside development by <c>UseHsts</c>. <c>form-action</c> is left out on
/// purpose: browsers apply it to the redirect that ends an OpenID Connect sign-in, which goes to the
/// client's own (loopback or app) address.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
