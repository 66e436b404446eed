using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;

namespace KeyWorks.Server.Api;

/// <summary>
/// One mutation call inside <see cref="MutationPipeline"/>: the signed-in user, the input object and its idempotency key,
/// checks that refuse with <c>FORBIDDEN</c> before anything is appended, and <see cref="ExecuteAsync"/> to run a command.
/// </summary>
public sealed class MutationContext
{
    /// <summary>How long a payload waits for the live read model to apply the appended events before it is built anyway.</summary>
    public static readonly TimeSpan ReadYourWritesTimeout = TimeSpan.FromSeconds(10);

    private readonly LiveReadModel _live;
    private readonly KeyWorksCommands _commands;
    private readonly ApiClock _clock;
    private readonly ProjectRecords _records;

    internal MutationContext(FieldContext field, ApiUser user, IReadOnlyDictionary<string, object?> input, string idempotencyKey)
    {
        Field = field;
        User = user;
        Input = input;
        IdempotencyKey = idempotencyKey;
        var services = field.Request.Services ?? throw new InvalidOperationException("The request has no services.");
        _live = services.GetRequiredService<LiveReadModel>();
        _commands = services.GetRequiredService<KeyWorksCommands>();
        _clock = services.GetRequiredService<ApiClock>();
        _records = services.GetRequiredService<ProjectRecords>();
    }

    public FieldContext Field { get; }

    public ApiUser User { get; }

    /// <summary>The coerced <c>input</c> argument.</summary>
    public IReadOnlyDictionary<string, object?> Input { get; }

    /// <summary>The client's idempotency key (the input's <c>idempotencyKey</c>).</summary>
    public string IdempotencyKey { get; }

    /// <summary>The live read model now (after <see cref="ExecuteAsync"/>: including what it appended).</summary>
    public KeyWorksReadModel Model => _live.Current;

    public CancellationToken CancellationToken => Field.CancellationToken;

    /// <summary>Today's business date (China time) by the server's clock.</summary>
    public DateOnly Today => _clock.Today;

    /// <summary>An input field's value, converted like <see cref="FieldContext.Argument{T}"/>; default when absent or null.</summary>
    public T? Get<T>(string name)
    {
        if (!Input.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        return value is T typed ? typed : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A text input that must not be blank (<c>REQUIRED</c> at its path otherwise).</summary>
    public string RequireText(string name) =>
        Get<string>(name) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw MutationRejected.At(ErrorCodes.Required, $"{name} is required (必填).", name);

    /// <summary>The local id of a global id input of type <paramref name="type"/>, or a <c>NOT_FOUND</c> error at its path.</summary>
    public string RequireId(string name, string type) =>
        Get<string>(name) is { } id && ApiObjects.ParseGlobalId(id) is ({ } t, var local) && t == type
            ? local
            : throw MutationRejected.At("NOT_FOUND", $"{name} is not a {type} id (标识无效).", name);

    /// <summary>Refuses (<c>FORBIDDEN</c>) unless the user has one of the roles.</summary>
    public void RequireRole(params Role[] roles)
    {
        if (!roles.Contains(User.Role))
        {
            throw Forbidden($"This needs the role {string.Join(" or ", roles.Select(ApiObjects.RoleName))}; you are {ApiObjects.RoleName(User.Role)} (无权操作).");
        }
    }

    /// <summary>The project of a <c>Project</c> id input; <c>PROJECT_NOT_FOUND</c> at the input's path when there is none.</summary>
    public ProjectState RequireProject(string inputField)
    {
        var id = RequireId(inputField, "Project");
        return Model.Projects.TryGetValue(id, out var view)
            ? view.State
            : throw MutationRejected.At(ErrorCodes.ProjectNotFound, $"No project {id} (项目不存在).", inputField);
    }

    /// <summary>Refuses (<c>FORBIDDEN</c>) unless the user is a contractor of the project.</summary>
    public void RequireContractorOf(ProjectState project)
    {
        if (!IsContractorOf(project))
        {
            throw Forbidden($"Only the project's own contractors may report on {project.Details.Name} (无权上报该项目).");
        }
    }

    /// <summary>True when the user is a contractor whose unit works on the project.</summary>
    public bool IsContractorOf(ProjectState project) =>
        User.Role == Role.Contractor && User.Unit is not null && project.Responsibility?.Contractors.Contains(User.Unit) == true;

    /// <summary>The user as the domain's actor, with the projects they belong to (a leader's, a contractor unit's).</summary>
    public Actor Actor => new(User.UserId, User.Name, User.Role, User.Unit, [.. Model.Projects.Values
        .Where(p => User.Role switch
        {
            Role.Leader => p.State.Responsibility?.LeaderId == User.UserId,
            Role.Contractor => IsContractorOf(p.State),
            _ => false,
        })
        .Select(p => p.State.Id)]);

    /// <summary>
    /// Records the command at the server's clock. A concurrent mutation that read the clock a moment later may commit
    /// first; the clock has moved on since, so it is read again (a few times, in case of a node whose clock is behind).
    /// </summary>
    private async Task<CommandResult> RecordAtClockAsync(object command, string? step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _commands.ImportAsync(new IssuedCommand(command, Actor, _clock.Time.GetUtcNow()), StoreKey(step), CancellationToken);
            }
            catch (RecordedTimeException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Runs a command as the user with the mutation's idempotency key (per user, plus <paramref name="step"/> when one
    /// mutation runs several commands), then waits until the live read model and the project records have applied what it appended. A domain
    /// rule's rejection becomes a payload error: its field is named by <paramref name="fields"/> (the command's field name
    /// to the input's), else the command's field name when the input has it; a domain <c>FORBIDDEN</c> is a GraphQL error.
    /// </summary>
    public async Task<CommandResult> ExecuteAsync(object command, IReadOnlyDictionary<string, string>? fields = null, string? step = null)
    {
        CommandResult result;
        try
        {
            result = _clock.RecordsAtClock ? await RecordAtClockAsync(command, step) : await _commands.ExecuteAsync(command, Actor, StoreKey(step), CancellationToken);
        }
        catch (RecordedTimeException)
        {
            throw new GraphQLException("The server's clock is behind the newest recorded event (服务器时钟早于最新记录).", "VERSION_CONFLICT");
        }
        catch (DomainException e) when (e.Error.Code == ErrorCodes.Forbidden)
        {
            throw Forbidden(e.Error.Message);
        }
        catch (DomainException e)
        {
            throw MutationRejected.From(e.Error, FieldPath(e.Error.Field, fields));
        }

        if (result.Events.Count > 0)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
            timeout.CancelAfter(ReadYourWritesTimeout);
            try
            {
                await _live.WaitForAsync(result.Events[^1].Position, timeout.Token);
                await _records.WaitForAsync(result.Events[^1].Position, timeout.Token);
            }
            catch (OperationCanceledException) when (!CancellationToken.IsCancellationRequested)
            {
                // The feed is behind; the payload shows the model as it is rather than failing a write that succeeded.
            }
        }

        return result;
    }

    /// <summary>The key the store sees: the user's, so two users' keys never meet, and the step's within a mutation.</summary>
    private string StoreKey(string? step) => $"api:{User.UserId}:{IdempotencyKey}" + (step is null ? "" : $"#{step}");

    private IReadOnlyList<string>? FieldPath(string? domainField, IReadOnlyDictionary<string, string>? fields)
    {
        if (domainField is null)
        {
            return null;
        }

        if (fields is not null && fields.TryGetValue(domainField, out var mapped))
        {
            return ["input", mapped];
        }

        return Input.ContainsKey(domainField) ? ["input", domainField] : null;
    }

    /// <summary>A <c>FORBIDDEN</c> GraphQL error.</summary>
    public static GraphQLException Forbidden(string message) => new(message, "FORBIDDEN");
}
