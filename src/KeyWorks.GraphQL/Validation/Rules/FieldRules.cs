using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.3.1 Selected fields exist on the type selected from.</summary>
internal sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode field && Context.TypeInfo.ParentType is { } parentType && Context.TypeInfo.FieldDef is null)
        {
            var name = field.Name.Value;
            var typeSuggestions = SuggestedTypeNames(parentType, name);
            var hint = typeSuggestions.Count > 0
                ? Suggestions.DidYouMean(typeSuggestions, "to use an inline fragment on")
                : Suggestions.DidYouMean(parentType is FieldsType fields ? Suggestions.List(name, fields.Fields.Select(f => f.Name)) : []);
            Context.ReportError($"Cannot query field \"{name}\" on type \"{parentType.Name}\"." + hint, field);
        }

        return true;
    }

    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstract)
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<NamedType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            if (!usage.ContainsKey(possible.Name))
            {
                suggested.Add(possible);
            }

            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.ContainsKey(iface.Name))
                {
                    suggested.Add(iface);
                }

                usage[iface.Name] = usage.GetValueOrDefault(iface.Name) + 1;
            }
        }

        var comparer = Comparer<NamedType>.Create((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.Order(comparer).Select(t => t.Name).ToList();
    }
}

/// <summary>5.3.3 Leaf fields have no selection; composite fields have one.</summary>
internal sealed class ScalarLeafsRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode field && Context.TypeInfo.Type is { } type)
        {
            var name = field.Name.Value;
            if (type.Named.IsLeaf)
            {
                if (field.SelectionSet is not null)
                {
                    Context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet);
                }
            }
            else if (field.SelectionSet is null)
            {
                Context.ReportError($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
            }
            else if (field.SelectionSet.Selections.Count == 0)
            {
                Context.ReportError($"Field \"{name}\" of type \"{type}\" must have at least one field selected.", field);
            }
        }

        return true;
    }
}

/// <summary>5.5.1.2 Type conditions and variable types name types the schema has.</summary>
internal sealed class KnownTypeNamesRule : ValidationRule
{
    private static readonly string[] StandardTypeNames =
        ["String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"];

    private HashSet<string> _defined = [];
    private DefinitionNode? _definition;

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode document:
                _defined = document.Definitions.OfType<TypeDefinitionNode>().Where(t => !t.IsExtension).Select(t => t.Name.Value).ToHashSet(StringComparer.Ordinal);
                break;
            case DefinitionNode definition:
                _definition = definition;
                break;
            case NamedTypeNode named:
                var name = named.Name.Value;
                if (Context.Schema.GetType(name) is null && !_defined.Contains(name))
                {
                    var isSdl = _definition is TypeSystemDefinitionNode;
                    if (isSdl && StandardTypeNames.Contains(name))
                    {
                        break;
                    }

                    var options = Context.Schema.Types.Select(t => t.Name).Concat(_defined);
                    if (isSdl)
                    {
                        options = StandardTypeNames.Concat(options);
                    }

                    Context.ReportError($"Unknown type \"{name}\"." + Suggestions.DidYouMean(Suggestions.List(name, options.Distinct())), named);
                }

                break;
        }

        return true;
    }
}

/// <summary>Introspection queries nest list fields at most three deep, so one request cannot explode.</summary>
internal sealed class MaxIntrospectionDepthRule : ValidationRule
{
    private const int MaxListsDepth = 3;
    private readonly Dictionary<string, int> _checked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceeded = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode field && field.Name.Value is "__schema" or "__type")
        {
            if (CheckDepth(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
            {
                Context.ReportError("Maximum introspection depth exceeded", field);
                return false;
            }
        }

        return true;
    }

    private bool CheckDepth(SyntaxNode node, Dictionary<string, int> visited, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_exceeded.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }

            if ((visited.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (_checked.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
            {
                return false;
            }

            if (Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visited[name] = depth;
            if (CheckDepth(fragment, visited, depth))
            {
                _exceeded[name] = depth;
                return true;
            }

            _checked[name] = depth;
            return false;
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
        {
            depth++;
            if (depth >= MaxListsDepth)
            {
                return true;
            }
        }

        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode d => d.SelectionSet,
            _ => null,
        };
        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (CheckDepth(child, visited, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
