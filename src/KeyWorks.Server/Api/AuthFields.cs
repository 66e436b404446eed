using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary><c>Mutation.login</c> and <c>Query.me</c>.</summary>
public static class AuthFields
{
    public static SchemaBuilder BindAuth(this SchemaBuilder schema) => schema
        .Bind("Mutation.login", LoginAsync)
        .Bind("Query.me", context => ApiAuth.UserOf(context) is { } user ? ApiObjects.User(user) : null);

    private static async ValueTask<object?> LoginAsync(FieldContext context)
    {
        var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!;
        var userName = (string)input["username"]!;
        var password = (string)input["password"]!;
        var address = context.Request.Items.TryGetValue(ApiAuth.AddressItem, out var a) ? a as string ?? "unknown" : "unknown";
        var services = context.Request.Services!;
        var throttle = services.GetRequiredService<LoginThrottle>();

        if (throttle.RetryAfter(userName, address) is { } wait)
        {
            return Refused("RATE_LIMITED", $"Too many failed sign-ins; try again in {Math.Ceiling(wait.TotalMinutes)} min (登录失败次数过多，请稍后再试).");
        }

        // PostgreSQL text cannot hold U+0000, and no user name has one: such a name is simply unknown.
        (UserAccount Account, string PasswordHash)? found = null;
        if (!userName.Contains('\0', StringComparison.Ordinal))
        {
            try
            {
                found = await services.GetRequiredService<UserAccounts>().FindAsync(userName, context.CancellationToken);
            }
            catch (Exception e) when (DatabaseFailures.ToRetriable(e) is { } retriable)
            {
                throw retriable;
            }
        }

        // An unknown user costs a hash check too, so timing does not tell which part was wrong.
        var matches = PasswordHasher.Verify(password, found?.PasswordHash ?? UnknownUserHash);
        if (found is not { } account || !matches)
        {
            throttle.Failed(userName, address);
            return Refused("UNAUTHENTICATED", "Wrong user name or password (用户名或密码不正确).");
        }

        throttle.Succeeded(userName);
        var user = new ApiUser(account.Account.UserId, account.Account.Name, account.Account.Role, account.Account.Unit);
        var (token, expiresAt) = services.GetRequiredService<AccessTokens>()
            .Issue(new TokenSubject(user.UserId, user.Name, user.Role.ToString(), user.Unit));
        return new Dictionary<string, object?>
        {
            ["token"] = token,
            ["expiresAt"] = expiresAt,
            ["user"] = ApiObjects.User(user),
            ["errors"] = Array.Empty<object>(),
        };
    }

    private static readonly string UnknownUserHash = new PasswordHasher().Hash(Guid.NewGuid().ToString());

    private static Dictionary<string, object?> Refused(string code, string message) => new()
    {
        ["token"] = null,
        ["expiresAt"] = null,
        ["user"] = null,
        ["errors"] = new[] { new Dictionary<string, object?> { ["code"] = code, ["message"] = message, ["field"] = null } },
    };
}
