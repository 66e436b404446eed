namespace KeyWorks.GraphQL.Language;

/// <summary>A type system definition or, when <see cref="IsExtension"/> is set, an <c>extend</c> of one.</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode
{
    public bool IsExtension { get; init; }

    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record SchemaDefinitionNode(IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode;

public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : SyntaxNode;

/// <summary>A named type's definition or extension.</summary>
public abstract record TypeDefinitionNode(Name Name) : TypeSystemDefinitionNode;

public sealed record ScalarTypeDefinitionNode(Name Name) : TypeDefinitionNode(Name);

public sealed record ObjectTypeDefinitionNode(
    Name Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode(Name);

public sealed record InterfaceTypeDefinitionNode(
    Name Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode(Name);

public sealed record UnionTypeDefinitionNode(Name Name, IReadOnlyList<NamedTypeNode> Types) : TypeDefinitionNode(Name);

public sealed record EnumTypeDefinitionNode(Name Name, IReadOnlyList<EnumValueDefinitionNode> Values) : TypeDefinitionNode(Name);

public sealed record InputObjectTypeDefinitionNode(Name Name, IReadOnlyList<InputValueDefinitionNode> Fields) : TypeDefinitionNode(Name);

public sealed record FieldDefinitionNode(
    StringValueNode? Description,
    Name Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;

public sealed record InputValueDefinitionNode(
    StringValueNode? Description,
    Name Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;

public sealed record EnumValueDefinitionNode(StringValueNode? Description, Name Name, IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;

public sealed record DirectiveDefinitionNode(
    Name Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<Name> Locations) : TypeSystemDefinitionNode;
