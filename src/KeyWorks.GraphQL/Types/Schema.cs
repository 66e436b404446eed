using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>
/// A built, validated schema: its types, directives and root operation types, with resolvers bound.
/// Immutable once built; safe to share across requests. Build one with <see cref="SchemaBuilder"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<string, IReadOnlyList<ObjectType>> _possibleTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _subTypes = new(StringComparer.Ordinal);

    internal Schema(
        IEnumerable<NamedType> types,
        IEnumerable<DirectiveDefinition> directives,
        ObjectType? query,
        ObjectType? mutation,
        ObjectType? subscription)
    {
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
    }

    public string? Description { get; internal set; }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types, introspection types included, in definition order.</summary>
    public IReadOnlyCollection<NamedType> Types => _types.Values;

    public IReadOnlyCollection<DirectiveDefinition> Directives => _directives.Values;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    /// <summary>Type resolvers bound by abstract type name.</summary>
    internal Dictionary<string, TypeResolver> TypeResolvers { get; } = new(StringComparer.Ordinal);

    /// <summary>CLR types bound to object type names, for resolving abstract types.</summary>
    internal Dictionary<Type, string> ClrTypes { get; } = [];

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types an abstract type may be at run time.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType)
    {
        if (abstractType is UnionType union)
        {
            return union.Types;
        }

        if (abstractType is not InterfaceType)
        {
            return abstractType is ObjectType self ? [self] : [];
        }

        lock (_possibleTypes)
        {
            if (!_possibleTypes.TryGetValue(abstractType.Name, out var possible))
            {
                possible = _types.Values.OfType<ObjectType>().Where(o => Implements(o, abstractType.Name)).ToList();
                _possibleTypes[abstractType.Name] = possible;
            }

            return possible;
        }
    }

    /// <summary>The object and interface types that implement an interface.</summary>
    public IReadOnlyList<FieldsType> GetImplementations(InterfaceType interfaceType) =>
        _types.Values.OfType<FieldsType>().Where(t => t.Interfaces.Any(i => i.Name == interfaceType.Name)).ToList();

    /// <summary>True when <paramref name="maybeSubType"/> is a possible type of, or implements, <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        lock (_subTypes)
        {
            if (!_subTypes.TryGetValue(abstractType.Name, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                if (abstractType is UnionType union)
                {
                    set.UnionWith(union.Types.Select(t => t.Name));
                }
                else if (abstractType is InterfaceType)
                {
                    set.UnionWith(_types.Values.OfType<FieldsType>().Where(t => Implements(t, abstractType.Name)).Select(t => t.Name));
                }

                _subTypes[abstractType.Name] = set;
            }

            return set.Contains(maybeSubType.Name);
        }
    }

    /// <summary>True when two composite types could have an object type in common.</summary>
    public bool DoTypesOverlap(NamedType a, NamedType b)
    {
        if (a.Name == b.Name)
        {
            return true;
        }

        if (a.IsAbstract)
        {
            if (b.IsAbstract)
            {
                return GetPossibleTypes(a).Any(t => IsSubType(b, t));
            }

            return IsSubType(a, b);
        }

        return b.IsAbstract && IsSubType(b, a);
    }

    private static bool Implements(FieldsType type, string interfaceName) =>
        type.Interfaces.Any(i => i.Name == interfaceName);
}
