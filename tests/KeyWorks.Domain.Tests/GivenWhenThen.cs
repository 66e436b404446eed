namespace KeyWorks.Domain.Tests;

/// <summary>Given past events, when a command is decided by an actor at a time, then these events (or this error).</summary>
public sealed class GivenWhenThen
{
    private readonly List<IDomainEvent> _given = [];
    private object? _command;
    private Actor _actor = Fixtures.Office;
    private DateTimeOffset _now = Fixtures.Now;

    public static GivenWhenThen Given(params IDomainEvent[] events) => new GivenWhenThen().And(events);

    public GivenWhenThen And(params IDomainEvent[] events)
    {
        _given.AddRange(events);
        return this;
    }

    public GivenWhenThen When(object command, Actor? by = null, DateTimeOffset? at = null)
    {
        _command = command;
        _actor = by ?? _actor;
        _now = at ?? _now;
        return this;
    }

    public IReadOnlyList<IDomainEvent> Decide() =>
        Decider.Decide(DomainState.Empty.Apply(_given), _command ?? throw new InvalidOperationException("No command"), _actor, _now).Events;

    public void Then(params IDomainEvent[] expected) => Assert.Equal(expected, Decide(), EventComparer.Instance);

    public DomainError ThenFails(string code)
    {
        var rejected = Assert.Throws<DomainException>(() => Decide());
        Assert.Equal(code, rejected.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Error.Message));
        return rejected.Error;
    }

    /// <summary>Events hold lists; compare them by their JSON form so list contents count, not references.</summary>
    private sealed class EventComparer : IEqualityComparer<IDomainEvent>
    {
        public static readonly EventComparer Instance = new();

        public bool Equals(IDomainEvent? x, IDomainEvent? y) =>
            x?.GetType() == y?.GetType() && Json.Of(x) == Json.Of(y);

        public int GetHashCode(IDomainEvent obj) => obj.GetType().GetHashCode();
    }
}
