using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.5.1.1 Fragment names are unique.</summary>
internal sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, Name> _known = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            if (_known.TryGetValue(fragment.Name.Value, out var first))
            {
                Context.ReportError($"There can be only one fragment named \"{fragment.Name.Value}\".", first, fragment.Name);
            }
            else
            {
                _known[fragment.Name.Value] = fragment.Name;
            }
        }

        return node is DocumentNode;
    }
}

/// <summary>5.5.2.1 Spread fragments are defined.</summary>
internal sealed class KnownFragmentNamesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentSpreadNode spread && Context.GetFragment(spread.Name.Value) is null)
        {
            Context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }

        return true;
    }
}

/// <summary>5.5.1.4 Every fragment is used by some operation.</summary>
internal sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override bool Enter(SyntaxNode node) => node is DocumentNode;

    public override void Leave(SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name.Value);
            }
        }

        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name.Value))
            {
                Context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}

/// <summary>5.5.1.3 Fragments apply to composite types only.</summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (TypeInfo.TypeFromAst(Context.Schema, condition) is { } inlineType && !inlineType.Named.IsComposite)
                {
                    Context.ReportError($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
                }

                break;
            case FragmentDefinitionNode fragment:
                if (TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition) is { } type && !type.Named.IsComposite)
                {
                    Context.ReportError($"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".", fragment.TypeCondition);
                }

                break;
        }

        return true;
    }
}

/// <summary>5.5.2.3 A fragment is spread only where its type could apply.</summary>
internal sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                var fragmentType = Context.TypeInfo.Type?.Named;
                var parentType = Context.TypeInfo.ParentType;
                if (fragmentType is { IsComposite: true } && parentType is { IsComposite: true } && !Context.Schema.DoTypesOverlap(fragmentType, parentType))
                {
                    Context.ReportError($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", inline);
                }

                break;
            case FragmentSpreadNode spread:
                var fragment = Context.GetFragment(spread.Name.Value);
                var spreadType = fragment is null ? null : TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition)?.Named;
                var parent = Context.TypeInfo.ParentType;
                if (spreadType is { IsComposite: true } && parent is { IsComposite: true } && !Context.Schema.DoTypesOverlap(spreadType, parent))
                {
                    Context.ReportError($"Fragment \"{spread.Name.Value}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{spreadType.Name}\".", spread);
                }

                break;
        }

        return true;
    }
}

/// <summary>5.5.2.2 Fragments do not spread themselves, directly or through others.</summary>
internal sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndex = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            DetectCycle(fragment);
        }

        return node is DocumentNode;
    }

    private void DetectCycle(FragmentDefinitionNode fragment)
    {
        if (!_visited.Add(fragment.Name.Value))
        {
            return;
        }

        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _spreadPathIndex[fragment.Name.Value] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var name = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndex.TryGetValue(name, out var cycleIndex))
            {
                if (Context.GetFragment(name) is { } target)
                {
                    DetectCycle(target);
                }
            }
            else
            {
                var cyclePath = _spreadPath.Skip(cycleIndex).ToList();
                var via = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => "\"" + s.Name.Value + "\""));
                Context.ReportError(
                    $"Cannot spread fragment \"{name}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                    cyclePath.Cast<SyntaxNode?>().ToArray());
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndex.Remove(fragment.Name.Value);
    }
}

/// <summary>Shared helpers for type names in messages.</summary>
internal static class TypeNames
{
    public static string Of(GraphQLType type) => type.ToString() ?? "";
}
