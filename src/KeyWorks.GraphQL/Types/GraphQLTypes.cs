using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>A type reference: a named type, or a list or non-null wrapper around another type.</summary>
public abstract class GraphQLType
{
    /// <summary>The named type under every list and non-null wrapper.</summary>
    public abstract NamedType Named { get; }

    public bool IsNonNull => this is NonNullType;

    /// <summary>Input types: scalars, enums, input objects and wrappers of them (spec 3.4.2).</summary>
    public bool IsInputType => Named is ScalarType or EnumType or InputObjectType;

    /// <summary>Output types: everything but input objects.</summary>
    public bool IsOutputType => Named is not InputObjectType;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y) || x.Name == y.Name,
        _ => false,
    };
}

public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override string ToString() => "[" + OfType + "]";
}

public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override NamedType Named => OfType.Named;

    public override string ToString() => OfType + "!";
}

/// <summary>A type with a name of its own: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType(string name) : GraphQLType
{
    public string Name { get; } = name;

    public string? Description { get; internal set; }

    /// <summary>The directives applied to the type in the SDL, definition and extensions together.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    /// <summary>The definition and extension nodes the type came from; empty for built-in types.</summary>
    public IReadOnlyList<TypeDefinitionNode> AstNodes { get; internal set; } = [];

    public override NamedType Named => this;

    /// <summary>Leaf types (scalars, enums) end a selection.</summary>
    public bool IsLeaf => this is ScalarType or EnumType;

    /// <summary>Abstract types (interfaces, unions) resolve to an object type at run time.</summary>
    public bool IsAbstract => this is InterfaceType or UnionType;

    /// <summary>Types with fields a selection set can select.</summary>
    public bool IsComposite => this is ObjectType or InterfaceType or UnionType;

    /// <summary>True for the types whose names start with two underscores.</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>An object or interface type: a named type with fields and implemented interfaces.</summary>
public abstract class FieldsType(string name) : NamedType(name)
{
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _orderedFields = [];

    public IReadOnlyList<FieldDefinition> Fields => _orderedFields;

    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    public FieldDefinition? GetField(string name) => _fields.GetValueOrDefault(name);

    internal bool AddField(FieldDefinition field)
    {
        if (!_fields.TryAdd(field.Name, field))
        {
            return false;
        }

        _orderedFields.Add(field);
        return true;
    }
}

public sealed class ObjectType(string name) : FieldsType(name);

public sealed class InterfaceType(string name) : FieldsType(name);

public sealed class UnionType(string name) : NamedType(name)
{
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];
}

public sealed class EnumType(string name) : NamedType(name)
{
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<EnumValueDefinition> _values = [];

    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The enum value whose internal value is <paramref name="value"/>, for output coercion.</summary>
    public EnumValueDefinition? FindByInternalValue(object value)
    {
        foreach (var candidate in _values)
        {
            if (Equals(candidate.Value, value))
            {
                return candidate;
            }
        }

        if (value is string text)
        {
            return GetValue(text);
        }

        if (value is Enum clrEnum)
        {
            return FindByClrName(clrEnum.ToString());
        }

        return null;
    }

    private EnumValueDefinition? FindByClrName(string clrName)
    {
        foreach (var candidate in _values)
        {
            if (string.Equals(candidate.Name.Replace("_", "", StringComparison.Ordinal), clrName, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    internal bool AddValue(EnumValueDefinition value)
    {
        if (!_byName.TryAdd(value.Name, value))
        {
            return false;
        }

        _values.Add(value);
        return true;
    }
}

public sealed class EnumValueDefinition(string name)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    /// <summary>The value resolvers receive and return; the name unless bound to something else.</summary>
    public object Value { get; internal set; } = name;

    public EnumValueDefinitionNode? AstNode { get; internal set; }
}

public sealed class InputObjectType(string name) : NamedType(name)
{
    private readonly Dictionary<string, InputValueDefinition> _fields = new(StringComparer.Ordinal);
    private readonly List<InputValueDefinition> _orderedFields = [];

    public IReadOnlyList<InputValueDefinition> Fields => _orderedFields;

    /// <summary>A <c>@oneOf</c> input object: exactly one field must be given, and not null.</summary>
    public bool IsOneOf { get; internal set; }

    public InputValueDefinition? GetField(string name) => _fields.GetValueOrDefault(name);

    internal bool AddField(InputValueDefinition field)
    {
        if (!_fields.TryAdd(field.Name, field))
        {
            return false;
        }

        _orderedFields.Add(field);
        return true;
    }
}

/// <summary>An argument of a field or directive, or a field of an input object.</summary>
public sealed class InputValueDefinition(string name, GraphQLType type)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    /// <summary>The default value literal; null when there is none (a default of <c>null</c> is a <see cref="NullValueNode"/>).</summary>
    public ValueNode? DefaultValue { get; internal set; }

    public bool HasDefaultValue => DefaultValue is not null;

    private object? _coercedDefault;
    private bool _defaultCoerced;

    /// <summary>The default value after input coercion, as resolvers receive it.</summary>
    public object? CoercedDefaultValue
    {
        get
        {
            if (!_defaultCoerced)
            {
                var value = Execution.InputValues.ValueFromAst(DefaultValue, Type, null);
                _coercedDefault = Execution.InputValues.IsInvalid(value) ? null : value;
                _defaultCoerced = true;
            }

            return _coercedDefault;
        }
    }

    public string? DeprecationReason { get; internal set; }

    public InputValueDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];
}

/// <summary>A field of an object or interface type, with the resolver bound to it.</summary>
public sealed class FieldDefinition(string name, GraphQLType type)
{
    private readonly List<InputValueDefinition> _arguments = [];

    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    public FieldDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    /// <summary>The resolver; null means the default resolver (property or dictionary lookup by name).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>For subscription root fields: produces the event stream.</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    /// <summary>The weight this field adds to a request's cost; 1 unless bound otherwise.</summary>
    public int Cost { get; internal set; } = 1;

    public InputValueDefinition? GetArgument(string name)
    {
        foreach (var argument in _arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    internal bool AddArgument(InputValueDefinition argument)
    {
        if (GetArgument(argument.Name) is not null)
        {
            return false;
        }

        _arguments.Add(argument);
        return true;
    }
}

/// <summary>A directive the schema defines: built-in (<c>@skip</c>, <c>@include</c>, …) or from the SDL.</summary>
public sealed class DirectiveDefinition(string name)
{
    private readonly List<InputValueDefinition> _arguments = [];

    public string Name { get; } = name;

    public string? Description { get; internal set; }

    public bool IsRepeatable { get; internal set; }

    public IReadOnlyList<string> Locations { get; internal set; } = [];

    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    public DirectiveDefinitionNode? AstNode { get; internal set; }

    public InputValueDefinition? GetArgument(string name) => _arguments.Find(a => a.Name == name);

    internal bool AddArgument(InputValueDefinition argument)
    {
        if (GetArgument(argument.Name) is not null)
        {
            return false;
        }

        _arguments.Add(argument);
        return true;
    }
}
