using System.Globalization;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves: the parent value, the coerced arguments, the request.</summary>
public sealed class FieldContext
{
    internal FieldContext(
        object? source,
        IReadOnlyDictionary<string, object?> arguments,
        FieldDefinition field,
        ObjectType parentType,
        IReadOnlyList<FieldNode> fieldNodes,
        ResponsePath path,
        RequestContext request,
        Schema schema)
    {
        Schema = schema;
        Source = source;
        Arguments = arguments;
        Field = field;
        ParentType = parentType;
        FieldNodes = fieldNodes;
        Path = path;
        Request = request;
    }

    public Schema Schema { get; }

    /// <summary>The value of the parent object (the root value for root fields).</summary>
    public object? Source { get; }

    /// <summary>Arguments after input coercion: defaults applied, variables substituted.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public FieldDefinition Field { get; }

    public ObjectType ParentType { get; }

    /// <summary>The field's nodes in the document (several when fields were merged).</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    public ResponsePath Path { get; }

    public RequestContext Request { get; }

    public CancellationToken CancellationToken => Request.CancellationToken;

    /// <summary>The source cast to the type the resolver expects.</summary>
    public T GetSource<T>() => Source is T typed ? typed : throw new InvalidOperationException(
        $"The source of {ParentType.Name}.{Field.Name} is {Source?.GetType().Name ?? "null"}, not {typeof(T).Name}.");

    /// <summary>An argument's coerced value, converted to <typeparamref name="T"/>; default when absent or null.</summary>
    public T? Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string text)
        {
            return (T)Enum.Parse(target, text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        }

        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>The request's loader with this name, created on first use; batches keys across the request.</summary>
    public DataLoader<TKey, TValue> Loader<TKey, TValue>(string name, BatchLoad<TKey, TValue> load)
        where TKey : notnull =>
        Request.Loaders.Get(name, load);
}

/// <summary>A position in the response: field names and list indexes from the root.</summary>
public sealed class ResponsePath
{
    private ResponsePath(ResponsePath? parent, object key)
    {
        Parent = parent;
        Key = key;
    }

    public ResponsePath? Parent { get; }

    /// <summary>A response key (string) or list index (int).</summary>
    public object Key { get; }

    public static ResponsePath Root(string key) => new(null, key);

    public ResponsePath Field(string key) => new(this, key);

    public ResponsePath Index(int index) => new(this, index);

    public IReadOnlyList<object> ToList()
    {
        var count = 0;
        for (var p = this; p is not null; p = p.Parent)
        {
            count++;
        }

        var result = new object[count];
        for (var p = this; p is not null; p = p.Parent)
        {
            result[--count] = p.Key;
        }

        return result;
    }

    public override string ToString() => string.Join(".", ToList());
}
