using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Validation;

/// <summary>A visitor the walker calls on entering and leaving each node; returning false from Enter skips the node's children.</summary>
public interface IDocumentVisitor
{
    bool Enter(SyntaxNode node);

    void Leave(SyntaxNode node);
}

/// <summary>
/// Walks a syntax tree depth-first in document order, keeping a <see cref="TypeInfo"/> up to date and
/// calling several visitors in parallel; a visitor that skips a subtree is left out of it alone.
/// </summary>
public sealed class DocumentWalker
{
    private readonly TypeInfo? _typeInfo;
    private readonly IReadOnlyList<IDocumentVisitor> _visitors;
    private readonly SyntaxNode?[] _skipping;

    public DocumentWalker(TypeInfo? typeInfo, IReadOnlyList<IDocumentVisitor> visitors)
    {
        _typeInfo = typeInfo;
        _visitors = visitors;
        _skipping = new SyntaxNode?[visitors.Count];
    }

    public void Walk(SyntaxNode node)
    {
        _typeInfo?.Enter(node);
        for (var i = 0; i < _visitors.Count; i++)
        {
            if (_skipping[i] is null && !_visitors[i].Enter(node))
            {
                _skipping[i] = node;
            }
        }

        foreach (var child in Children(node))
        {
            if (child is not null)
            {
                Walk(child);
            }
        }

        for (var i = 0; i < _visitors.Count; i++)
        {
            if (_skipping[i] is null)
            {
                _visitors[i].Leave(node);
            }
            else if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
            }
        }

        _typeInfo?.Leave(node);
    }

    /// <summary>The child nodes in the order the reference implementation visits them (names are not visited).</summary>
    private static IEnumerable<SyntaxNode?> Children(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode document:
                return document.Definitions;
            case OperationDefinitionNode operation:
                return [.. operation.VariableDefinitions, .. operation.Directives, operation.SelectionSet];
            case VariableDefinitionNode variable:
                return [variable.Variable, variable.Type, variable.DefaultValue, .. variable.Directives];
            case SelectionSetNode set:
                return set.Selections;
            case FieldNode field:
                return [.. field.Arguments, .. field.Directives, field.SelectionSet];
            case ArgumentNode argument:
                return [argument.Value];
            case FragmentSpreadNode spread:
                return spread.Directives;
            case InlineFragmentNode inline:
                return [inline.TypeCondition, .. inline.Directives, inline.SelectionSet];
            case FragmentDefinitionNode fragment:
                return [fragment.TypeCondition, .. fragment.Directives, fragment.SelectionSet];
            case ListValueNode list:
                return list.Values;
            case ObjectValueNode obj:
                return obj.Fields;
            case ObjectFieldNode objectField:
                return [objectField.Value];
            case DirectiveNode directive:
                return directive.Arguments;
            case ListTypeNode listType:
                return [listType.Type];
            case NonNullTypeNode nonNull:
                return [nonNull.Type];
            case SchemaDefinitionNode schema:
                return [schema.Description, .. schema.Directives, .. schema.OperationTypes];
            case OperationTypeDefinitionNode operationType:
                return [operationType.Type];
            case ObjectTypeDefinitionNode obj:
                return [obj.Description, .. obj.Interfaces, .. obj.Directives, .. obj.Fields];
            case InterfaceTypeDefinitionNode iface:
                return [iface.Description, .. iface.Interfaces, .. iface.Directives, .. iface.Fields];
            case UnionTypeDefinitionNode union:
                return [union.Description, .. union.Directives, .. union.Types];
            case EnumTypeDefinitionNode enumNode:
                return [enumNode.Description, .. enumNode.Directives, .. enumNode.Values];
            case InputObjectTypeDefinitionNode input:
                return [input.Description, .. input.Directives, .. input.Fields];
            case TypeSystemDefinitionNode other when other is ScalarTypeDefinitionNode:
                return [other.Description, .. other.Directives];
            case DirectiveDefinitionNode directiveDefinition:
                return [directiveDefinition.Description, .. directiveDefinition.Arguments];
            case FieldDefinitionNode fieldDefinition:
                return [fieldDefinition.Description, .. fieldDefinition.Arguments, fieldDefinition.Type, .. fieldDefinition.Directives];
            case InputValueDefinitionNode inputValue:
                return [inputValue.Description, inputValue.Type, inputValue.DefaultValue, .. inputValue.Directives];
            case EnumValueDefinitionNode enumValue:
                return [enumValue.Description, .. enumValue.Directives];
            default:
                return [];
        }
    }
}
