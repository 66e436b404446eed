using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KeyWorks.EventStore.Events;

/// <summary>
/// Maps registered event type names to CLR types and back; the table only ever holds the names.
/// Old shapes are turned into current ones by upcasters before deserialisation.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Lock _freezeLock = new();
    private readonly Dictionary<string, Registration> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Registration> _byType = [];
    private readonly Dictionary<string, Upcaster> _upcasters = new(StringComparer.Ordinal);
    private JsonSerializerOptions _jsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Serialiser options for event bodies. Pass options whose <see cref="JsonSerializerOptions.TypeInfoResolver"/> is a
    /// source-generated <c>JsonSerializerContext</c> to avoid reflection.
    /// </summary>
    public JsonSerializerOptions JsonOptions
    {
        get => _jsonOptions;
        set => _jsonOptions = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Serialises event bodies with a source-generated context (no reflection); use before the store is created.</summary>
    public EventTypeRegistry UseJsonContext(JsonSerializerContext context)
    {
        JsonOptions = context.Options;
        return this;
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>, optionally with where its business date comes from.</summary>
    public EventTypeRegistry Register<T>(string name, Func<T, DateOnly?>? businessDate = null) where T : notnull =>
        Register(typeof(T), name, businessDate is null ? null : o => businessDate((T)o));

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/>.</summary>
    public EventTypeRegistry Register(Type type, string name, Func<object, DateOnly?>? businessDate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_byName.TryGetValue(name, out var existing) && existing.Type != type)
        {
            throw new InvalidOperationException($"Event type name '{name}' is already registered for {existing.Type.Name}.");
        }

        var registration = new Registration(name, type, businessDate);
        _byName[name] = registration;
        _byType[type] = registration;
        return this;
    }

    /// <summary>
    /// Registers an upcaster: events stored under <paramref name="storedName"/> are transformed by
    /// <paramref name="transform"/> and read as <paramref name="currentName"/>. Upcasters chain.
    /// The same name on both sides rewrites old shapes of a type that kept its name.
    /// </summary>
    public EventTypeRegistry Upcast(string storedName, string currentName, Func<JsonObject, JsonObject> transform)
    {
        _upcasters[storedName] = new Upcaster(currentName, transform);
        return this;
    }

    /// <summary>The registered name of <paramref name="type"/>.</summary>
    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var registration)
            ? registration.Name
            : throw new EventStoreException("EVENT_TYPE_NOT_REGISTERED", $"Event type {type.FullName} has no registered name.");

    /// <summary>The CLR type registered for <paramref name="name"/>, if any.</summary>
    public Type? TypeOf(string name) => _byName.TryGetValue(name, out var registration) ? registration.Type : null;

    internal bool IsKnownName(string name) => _byName.ContainsKey(name) || _upcasters.ContainsKey(name);

    /// <summary>All names the stored type name may be read as, including itself and upcast sources.</summary>
    internal IReadOnlyCollection<string> StoredNamesFor(string name)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { name };
        bool added;
        do
        {
            added = false;
            foreach (var (stored, upcaster) in _upcasters)
            {
                if (names.Contains(upcaster.CurrentName) && names.Add(stored))
                {
                    added = true;
                }
            }
        }
        while (added);

        return names;
    }

    internal DateOnly? BusinessDateOf(object data) =>
        _byType.TryGetValue(data.GetType(), out var registration) ? registration.BusinessDate?.Invoke(data) : null;

    internal string Serialize(object data) => JsonSerializer.Serialize(data, TypeInfoFor(data.GetType()));

    internal object Deserialize(string storedName, string json)
    {
        var name = storedName;
        JsonObject? node = null;
        var hops = 0;
        while (_upcasters.TryGetValue(name, out var upcaster) && hops++ < 32)
        {
            node ??= JsonNode.Parse(json)?.AsObject() ?? [];
            node = upcaster.Transform(node);
            if (upcaster.CurrentName == name)
            {
                break;
            }

            name = upcaster.CurrentName;
        }

        if (!_byName.TryGetValue(name, out var registration))
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        var typeInfo = TypeInfoFor(registration.Type);
        return (node is null ? JsonSerializer.Deserialize(json, typeInfo) : node.Deserialize(typeInfo))
            ?? throw new EventStoreException("EVENT_BODY_NULL", $"Event of type '{storedName}' has a null body.");
    }

    private JsonTypeInfo TypeInfoFor(Type type)
    {
        if (!_jsonOptions.IsReadOnly)
        {
            // Sessions of many threads may serialise their first events at once; the options are frozen once.
            lock (_freezeLock)
            {
                if (!_jsonOptions.IsReadOnly)
                {
                    _jsonOptions.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
                    _jsonOptions.MakeReadOnly();
                }
            }
        }

        return _jsonOptions.GetTypeInfo(type);
    }

    private sealed record Registration(string Name, Type Type, Func<object, DateOnly?>? BusinessDate);

    private sealed record Upcaster(string CurrentName, Func<JsonObject, JsonObject> Transform);
}
