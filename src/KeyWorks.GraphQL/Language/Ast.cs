namespace KeyWorks.GraphQL.Language;

/// <summary>Where a node starts and ends in the source (character offsets) and its start as line and column.</summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public SourceLocation ToSourceLocation() => new(Line, Column);
}

/// <summary>A node of the GraphQL abstract syntax tree.</summary>
public abstract record SyntaxNode
{
    public Location Location { get; init; }
}

public sealed record Name(string Value) : SyntaxNode
{
    public override string ToString() => Value;
}

/// <summary>A parsed GraphQL document: executable definitions, type system definitions and extensions.</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode
{
    /// <summary>The number of tokens the parser read; used by limits.</summary>
    public int TokenCount { get; init; }
}

public abstract record DefinitionNode : SyntaxNode;

public abstract record ExecutableDefinitionNode : DefinitionNode
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }

    public abstract SelectionSetNode SelectionSet { get; }
}

public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

public sealed record OperationDefinitionNode(
    OperationType Operation,
    Name? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;

    public override SelectionSetNode SelectionSet { get; } = SelectionSet;

    /// <summary>A description (draft: executable descriptions); ignored by execution.</summary>
    public StringValueNode? Description { get; init; }
}

public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    public StringValueNode? Description { get; init; }
}

public sealed record FragmentDefinitionNode(
    Name Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;

    public override SelectionSetNode SelectionSet { get; } = SelectionSet;

    public StringValueNode? Description { get; init; }
}

public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode;

public abstract record SelectionNode : SyntaxNode
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

public sealed record FieldNode(
    Name? Alias,
    Name Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;

    /// <summary>The key of this field in the response: the alias, else the name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed record FragmentSpreadNode(Name Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

public sealed record ArgumentNode(Name Name, ValueNode Value) : SyntaxNode;

public sealed record DirectiveNode(Name Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode;

public abstract record ValueNode : SyntaxNode;

public sealed record VariableNode(Name Name) : ValueNode;

public sealed record IntValueNode(string Value) : ValueNode;

public sealed record FloatValueNode(string Value) : ValueNode;

public sealed record StringValueNode(string Value, bool Block = false) : ValueNode;

public sealed record BooleanValueNode(bool Value) : ValueNode;

public sealed record NullValueNode : ValueNode;

public sealed record EnumValueNode(string Value) : ValueNode;

public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode;

public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode;

public sealed record ObjectFieldNode(Name Name, ValueNode Value) : SyntaxNode;

public abstract record TypeNode : SyntaxNode;

public sealed record NamedTypeNode(Name Name) : TypeNode;

public sealed record ListTypeNode(TypeNode Type) : TypeNode;

public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
