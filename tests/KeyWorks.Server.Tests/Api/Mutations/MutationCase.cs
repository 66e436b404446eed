namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>A request the role matrix sends: the document and its <c>input</c> variable.</summary>
public sealed record MutationRequest(string Document, object Input);

/// <summary>
/// One mutation's row of the role matrix: the callers it allows (every other caller must be refused with
/// <c>FORBIDDEN</c>, anonymous with <c>UNAUTHENTICATED</c>) and how to build a valid request for a caller. A request may
/// prepare what it needs first (a fresh project, a pending report) through <see cref="CaseRun"/>.
/// </summary>
public sealed record MutationCase(IReadOnlySet<Caller> Allowed, Func<CaseRun, Task<MutationRequest>> Request)
{
    /// <summary>False for mutations that record no event when allowed (<c>login</c>).</summary>
    public bool Appends { get; init; } = true;

    /// <summary>Set for a mutation of the contract that is not bound yet: the matrix then checks it still fails for everyone.</summary>
    public string? NotBoundYet { get; init; }

    public static MutationCase For(Caller[] allowed, Func<CaseRun, Task<MutationRequest>> request) => new(allowed.ToHashSet(), request);

    /// <summary>A mutation that is not bound yet (the owner named binds it and replaces this row with a real case).</summary>
    public static MutationCase Unbound(string owner) =>
        new(new HashSet<Caller>(), _ => Task.FromResult(new MutationRequest("", new { }))) { NotBoundYet = owner };
}

/// <summary>One caller's run of a case: the scenario, the caller, and what the case prepared for its runs.</summary>
public sealed class CaseRun(Scenario scenario, Caller caller, Dictionary<string, object> prepared)
{
    public Scenario Scenario => scenario;

    public Caller Caller => caller;

    /// <summary>The project the caller acts on: a fresh project of the demo contractor, or (foreign contractor) one it does not work on.</summary>
    public Task<string> ProjectAsync() =>
        OnceAsync(caller == Caller.ForeignContractor ? "foreign-project" : "own-project",
            () => scenario.FreshProjectAsync(contractorsOwn: caller != Caller.ForeignContractor));

    /// <summary>A value prepared once for all runs of this case.</summary>
    public async Task<string> OnceAsync(string name, Func<Task<string>> prepare)
    {
        if (!prepared.TryGetValue(name, out var value))
        {
            prepared[name] = value = await prepare();
        }

        return (string)value;
    }

    public static string Key() => Scenario.Key();
}
