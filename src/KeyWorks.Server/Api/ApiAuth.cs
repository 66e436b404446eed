using System.Security.Claims;
using KeyWorks.Domain;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary>The signed-in user of a request: read from <c>Authorization: Bearer</c>, checked, and required by the fields.</summary>
public static class ApiAuth
{
    private const string AuthenticationType = "keyworks-bearer";
    private const string UnitClaim = "unit";
    internal const string AddressItem = "keyworks.address";

    /// <summary>The request context: the bearer token's user (anonymous when absent or refused) and the caller's address.</summary>
    public static RequestContext ContextFor(HttpContext http) => ContextFor(http, http.Request.Headers.Authorization.ToString());

    /// <summary>
    /// The context of a WebSocket connection's operations: the token from the <c>connection_init</c> payload's
    /// <c>authorization</c> (<c>"Bearer …"</c>, as browsers cannot set headers on a WebSocket), else the upgrade request's header.
    /// </summary>
    public static RequestContext ContextForConnection(HttpContext http, IReadOnlyDictionary<string, object?>? payload) =>
        ContextFor(http, payload?.FirstOrDefault(p => string.Equals(p.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value as string
            ?? http.Request.Headers.Authorization.ToString());

    private static RequestContext ContextFor(HttpContext http, string header)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity());
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<AccessTokens>().Check(header["Bearer ".Length..].Trim()) is TokenCheck.Valid valid)
        {
            user = Principal(valid.Subject);
        }

        var context = new RequestContext(user, http.RequestServices, http.RequestAborted);
        context.Items[AddressItem] = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return context;
    }

    internal static ClaimsPrincipal Principal(TokenSubject subject)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, subject.UserId),
            new(ClaimTypes.Name, subject.Name),
            new(ClaimTypes.Role, subject.Role),
        ];
        if (subject.Unit is not null)
        {
            claims.Add(new Claim(UnitClaim, subject.Unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    /// <summary>The caller, or null when not signed in.</summary>
    public static ApiUser? UserOf(FieldContext context)
    {
        var principal = context.Request.User;
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        return new ApiUser(id, principal.FindFirstValue(ClaimTypes.Name) ?? id,
            Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role) ?? nameof(Role.Auditor)), principal.FindFirstValue(UnitClaim));
    }

    /// <summary>The caller; <c>UNAUTHENTICATED</c> when not signed in.</summary>
    public static ApiUser Require(FieldContext context) =>
        UserOf(context) ?? throw new GraphQLException("Sign in first (请先登录).", "UNAUTHENTICATED");
}

/// <summary>A signed-in user as the API sees it (from the token: the same for every node).</summary>
public sealed record ApiUser(string UserId, string Name, Role Role, string? Unit);
