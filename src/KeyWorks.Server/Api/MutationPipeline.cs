using KeyWorks.Domain;
using KeyWorks.EventStore;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// What every mutation goes through: the signed-in user (<c>UNAUTHENTICATED</c>), the input object and its idempotency key,
/// the mutation's own role and project-scope checks (<c>FORBIDDEN</c>, a GraphQL error, nothing appended), the command run
/// through <see cref="Domain.Storing.KeyWorksCommands"/>, rule violations as payload <c>errors</c> (<c>UserError</c> with a
/// stable code and the input field's path), <c>VERSION_CONFLICT</c> and a lost or full database (<see cref="DatabaseFailures"/>) as retriable GraphQL errors, and read-your-writes:
/// the payload is built once the live read model has applied the appended events.
/// </summary>
/// <remarks>
/// A mutation is bound with <see cref="BindMutation"/>; its resolver receives a <see cref="MutationContext"/>, checks with
/// <see cref="MutationContext.RequireRole"/> and friends, runs commands with <see cref="MutationContext.ExecuteAsync"/>
/// and returns the payload (a dictionary or an object; <c>errors</c> is filled in as empty when the payload lacks it).
/// A rejection thrown anywhere in it (<see cref="MutationRejected"/>, or a domain rule from a command) becomes a payload
/// whose only entry is <c>errors</c>, so every other payload field is null.
/// </remarks>
public static class MutationPipeline
{
    /// <summary>Binds <paramref name="coordinate"/> (<c>Mutation.name</c>) to a resolver run through the pipeline.</summary>
    public static SchemaBuilder BindMutation(this SchemaBuilder schema, string coordinate, Func<MutationContext, Task<object?>> resolve) =>
        schema.Bind(coordinate, context => RunAsync(context, resolve));

    private static async ValueTask<object?> RunAsync(FieldContext context, Func<MutationContext, Task<object?>> resolve)
    {
        var user = ApiAuth.Require(context);
        var input = context.Arguments.GetValueOrDefault("input") as IReadOnlyDictionary<string, object?>
            ?? throw new GraphQLException("The mutation takes an input object (缺少输入).", "VALIDATION");
        try
        {
            var key = input.GetValueOrDefault("idempotencyKey") as string;
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
            {
                throw MutationRejected.At("IDEMPOTENCY_KEY_INVALID",
                    $"An idempotency key of 1–{MaxKeyLength} characters is required (请求标识无效).", "idempotencyKey");
            }

            if (FieldWithNul(input) is { } field)
            {
                // PostgreSQL text and jsonb cannot hold U+0000: refuse it by name instead of failing in the store.
                throw MutationRejected.At("INVALID_TEXT", $"{field} contains a NUL character (文本含有非法字符).", field);
            }

            var payload = await resolve(new MutationContext(context, user, input, key));
            return WithErrors(payload);
        }
        catch (MutationRejected rejected)
        {
            return Errors(rejected.Errors);
        }
        catch (VersionConflictException)
        {
            throw new GraphQLException("Someone changed this record at the same moment; try again (数据已被他人修改，请重试).",
                "VERSION_CONFLICT", new Dictionary<string, object?> { ["retriable"] = true });
        }
        catch (Exception e) when (DatabaseFailures.ToRetriable(e) is { } retriable)
        {
            throw retriable;
        }
    }

    /// <summary>The top-level input field whose text (or text inside it) holds U+0000, or null.</summary>
    private static string? FieldWithNul(IReadOnlyDictionary<string, object?> input) =>
        input.FirstOrDefault(f => HoldsNul(f.Value)).Key;

    private static bool HoldsNul(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IReadOnlyDictionary<string, object?> map => map.Values.Any(HoldsNul),
        System.Collections.IEnumerable list => list.Cast<object?>().Any(HoldsNul),
        _ => false,
    };

    /// <summary>The longest idempotency key accepted (a UUID is 36).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>A payload with only <c>errors</c>: every other field of the payload type reads as null.</summary>
    public static Dictionary<string, object?> Errors(IEnumerable<UserError> errors) => new()
    {
        ["errors"] = errors.Select(e => e.ToResult()).ToList(),
    };

    private static object? WithErrors(object? payload)
    {
        if (payload is Dictionary<string, object?> map && !map.ContainsKey("errors"))
        {
            map["errors"] = Array.Empty<object>();
        }

        return payload;
    }
}

/// <summary>A field-level error of a mutation (<c>UserError</c>): a stable code, a plain message, the input field's path.</summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string>? Field)
{
    /// <summary>The error as the API returns it.</summary>
    public Dictionary<string, object?> ToResult() => new()
    {
        ["__typename"] = "UserError",
        ["code"] = Code,
        ["message"] = Message,
        ["field"] = Field,
    };
}

/// <summary>Thrown inside a mutation's resolver to answer with payload errors; nothing was appended.</summary>
public sealed class MutationRejected(IReadOnlyList<UserError> errors) : Exception(string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")))
{
    public IReadOnlyList<UserError> Errors { get; } = errors;

    /// <summary>One error about an input field (its path is <c>["input", field]</c>; no field when null).</summary>
    public static MutationRejected At(string code, string message, string? inputField) =>
        new([new UserError(code, message, inputField is null ? null : ["input", inputField])]);

    /// <summary>A domain rule's rejection, its field mapped from the command's name to the input's.</summary>
    public static MutationRejected From(DomainError error, IReadOnlyList<string>? field) =>
        new([new UserError(error.Code, error.Message, field)]);
}
