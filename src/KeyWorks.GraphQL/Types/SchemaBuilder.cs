using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL and explicit bindings: resolvers by field coordinate
/// (<c>"Query.projects"</c>), scalars, enum values, type resolvers and cost weights. Fields without a
/// bound resolver use the default: a property, method or dictionary entry named like the field.
/// </summary>
/// <example><code>
/// var schema = SchemaBuilder.FromFiles(Directory.GetFiles("schema", "*.graphql"))
///     .Bind("Query.projects", ctx => store.ListProjectsAsync(ctx.CancellationToken))
///     .Build();
/// </code></example>
public sealed partial class SchemaBuilder
{
    private readonly List<(string Source, string? FileName)> _sources = [];
    private readonly Dictionary<string, FieldResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscriptionResolver> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _enumValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _clrTypes = [];
    private readonly Dictionary<string, int> _costs = new(StringComparer.Ordinal);
    private FieldResolver? _defaultResolver;

    private SchemaBuilder()
    {
    }

    /// <summary>Starts from SDL texts; together they must define the whole schema.</summary>
    public static SchemaBuilder FromSdl(params string[] sources)
    {
        var builder = new SchemaBuilder();
        foreach (var source in sources)
        {
            builder._sources.Add((source, null));
        }

        return builder;
    }

    /// <summary>Starts from SDL files (for example every <c>schema/*.graphql</c>), read in name order.</summary>
    public static SchemaBuilder FromFiles(IEnumerable<string> paths)
    {
        var builder = new SchemaBuilder();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            builder._sources.Add((File.ReadAllText(path), path));
        }

        return builder;
    }

    /// <summary>Adds more SDL text.</summary>
    public SchemaBuilder AddSdl(string source, string? fileName = null)
    {
        _sources.Add((source, fileName));
        return this;
    }

    /// <summary>Binds a resolver to a field coordinate such as <c>"Query.projects"</c>.</summary>
    public SchemaBuilder Bind(string coordinate, FieldResolver resolver)
    {
        _resolvers[coordinate] = resolver;
        return this;
    }

    /// <summary>Binds a synchronous resolver.</summary>
    public SchemaBuilder Bind(string coordinate, Func<FieldContext, object?> resolver) =>
        Bind(coordinate, context => new ValueTask<object?>(resolver(context)));

    /// <summary>Replaces the default resolver (property or dictionary lookup) for every field not bound explicitly.</summary>
    public SchemaBuilder DefaultResolver(FieldResolver resolver)
    {
        _defaultResolver = resolver;
        return this;
    }

    /// <summary>Binds an asynchronous resolver.</summary>
    public SchemaBuilder Bind<TResult>(string coordinate, Func<FieldContext, Task<TResult>> resolver) =>
        Bind(coordinate, new FieldResolver(async context => await resolver(context).ConfigureAwait(false)));

    /// <summary>Binds the event stream of a subscription field; each event is resolved as the field's value.</summary>
    public SchemaBuilder BindSubscription(string coordinate, SubscriptionResolver subscriber)
    {
        _subscribers[coordinate] = subscriber;
        return this;
    }

    /// <summary>Supplies the implementation of a scalar the SDL declares.</summary>
    public SchemaBuilder BindScalar(ScalarType scalar)
    {
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Sets the internal value of an enum value, by coordinate such as <c>"Status.ACTIVE"</c>.</summary>
    public SchemaBuilder BindEnumValue(string coordinate, object value)
    {
        _enumValues[coordinate] = value;
        return this;
    }

    /// <summary>Maps every value of a CLR enum to the GraphQL enum value of the same name in SCREAMING_CASE.</summary>
    public SchemaBuilder BindEnum<TEnum>(string enumName)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            _enumValues[enumName + "." + ToScreamingCase(value.ToString())] = value;
        }

        return this;
    }

    /// <summary>Binds how values of an interface or union are mapped to their object type.</summary>
    public SchemaBuilder BindTypeResolver(string abstractType, TypeResolver resolver)
    {
        _typeResolvers[abstractType] = resolver;
        return this;
    }

    /// <summary>Declares that CLR values of <typeparamref name="TClr"/> are the object type <paramref name="objectType"/>.</summary>
    public SchemaBuilder BindType<TClr>(string objectType)
    {
        _clrTypes[typeof(TClr)] = objectType;
        return this;
    }

    /// <summary>Sets the cost weight of a field (default 1), used by the cost limit.</summary>
    public SchemaBuilder Cost(string coordinate, int weight)
    {
        _costs[coordinate] = weight;
        return this;
    }

    internal static string ToScreamingCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    /// <summary>Parses, assembles and validates the schema and applies the bindings.</summary>
    /// <exception cref="SchemaException">The SDL is invalid, or a binding names something the schema lacks.</exception>
    public Schema Build()
    {
        var documents = new List<DocumentNode>();
        foreach (var (source, fileName) in _sources)
        {
            try
            {
                documents.Add(Parser.Parse(source, new ParserOptions { MaxTokens = int.MaxValue, MaxDepth = 1000 }));
            }
            catch (GraphQLSyntaxException error)
            {
                throw new SchemaException([new GraphQLError((fileName is null ? "" : fileName + ": ") + error.Message, error.Locations)]);
            }
        }

        var assembly = new SchemaAssembly(documents, _scalars);
        var schema = assembly.Assemble();
        ApplyBindings(schema, assembly.Errors);
        if (assembly.Errors.Count > 0)
        {
            throw new SchemaException(assembly.Errors);
        }

        return schema;
    }

    private void ApplyBindings(Schema schema, List<GraphQLError> errors)
    {
        foreach (var (coordinate, subscriber) in _subscribers)
        {
            if (FindField(schema, coordinate, errors) is { } field)
            {
                field.Subscriber = subscriber;

                // By default a subscription field's value is the event itself.
                field.Resolver ??= _resolvers.ContainsKey(coordinate) ? null : context => new ValueTask<object?>(context.Source);
            }
        }

        if (_defaultResolver is not null)
        {
            foreach (var type in schema.Types.OfType<FieldsType>().Where(t => !t.IsIntrospectionType))
            {
                foreach (var field in type.Fields)
                {
                    field.Resolver ??= _defaultResolver;
                }
            }
        }

        foreach (var (coordinate, resolver) in _resolvers)
        {
            if (FindField(schema, coordinate, errors) is { } field)
            {
                field.Resolver = resolver;
            }
        }

        foreach (var (coordinate, weight) in _costs)
        {
            if (FindField(schema, coordinate, errors) is { } field)
            {
                field.Cost = weight;
            }
        }

        foreach (var (coordinate, value) in _enumValues)
        {
            var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
            var enumValue = dot > 0 && schema.GetType(coordinate[..dot]) is EnumType enumType ? enumType.GetValue(coordinate[(dot + 1)..]) : null;
            if (enumValue is null)
            {
                errors.Add(new GraphQLError($"Cannot bind \"{coordinate}\": the schema has no such enum value."));
                continue;
            }

            enumValue.Value = value;
        }

        foreach (var (name, resolver) in _typeResolvers)
        {
            if (schema.GetType(name) is not { IsAbstract: true })
            {
                errors.Add(new GraphQLError($"Cannot bind a type resolver to \"{name}\": the schema has no such interface or union."));
                continue;
            }

            schema.TypeResolvers[name] = resolver;
        }

        foreach (var (clrType, name) in _clrTypes)
        {
            if (schema.GetType(name) is not ObjectType)
            {
                errors.Add(new GraphQLError($"Cannot bind {clrType.Name} to \"{name}\": the schema has no such object type."));
                continue;
            }

            schema.ClrTypes[clrType] = name;
        }
    }

    private static FieldDefinition? FindField(Schema schema, string coordinate, List<GraphQLError> errors)
    {
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        var field = dot > 0 && schema.GetType(coordinate[..dot]) is FieldsType type ? type.GetField(coordinate[(dot + 1)..]) : null;
        if (field is null)
        {
            errors.Add(new GraphQLError($"Cannot bind \"{coordinate}\": the schema has no such field."));
        }

        return field;
    }
}

/// <summary>The schema could not be built; <see cref="Errors"/> says why, with locations in the SDL.</summary>
public sealed class SchemaException : Exception
{
    public SchemaException(IReadOnlyList<GraphQLError> errors)
        : base("The schema is invalid:\n" + string.Join("\n", errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public SchemaException()
    {
        Errors = [];
    }

    public SchemaException(string message)
        : base(message)
    {
        Errors = [];
    }

    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
