using System.Text;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>
/// 5.3.2 Fields with the same response name can be merged: same field and arguments unless their parents
/// are exclusive object types, and shapes (types, sub-selections) that agree. Work is metered so a
/// hostile document cannot make validation quadratic without bound.
/// </summary>
internal sealed partial class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private readonly Dictionary<(NamedType?, SelectionSetNode), FieldsAndFragments> _cache = [];
    private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];
    private readonly Dictionary<ValueNode, string> _stringifiedValues = [];
    private readonly List<SyntaxNode> _ancestors = [];
    private int _budget = MaxComplexityBudget;

    public override bool Enter(SyntaxNode node)
    {
        if (node is SelectionSetNode selectionSet
            && !(_ancestors.Count > 0 && _ancestors[^1] is InlineFragmentNode)
            && (selectionSet.Selections.Count > 1 || selectionSet.Selections.FirstOrDefault() is InlineFragmentNode))
        {
            foreach (var conflict in FindConflictsWithinSelectionSet(Context.TypeInfo.ParentType, selectionSet))
            {
                Context.ReportError(
                    $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
        }

        _ancestors.Add(node);
        return true;
    }

    public override void Leave(SyntaxNode node) => _ancestors.RemoveAt(_ancestors.Count - 1);

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class FieldDetails(NamedType? parentType, FieldNode node, FieldDefinition? definition)
    {
        public NamedType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public FieldDefinition? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

        public Dictionary<FieldDetails, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private sealed class FieldsAndFragments
    {
        public List<(string ResponseName, List<FieldDetails> Fields)> Grouped { get; } = [];

        public Dictionary<string, List<FieldDetails>> ByName { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public Dictionary<string, bool> ComparedFragments { get; } = new(StringComparer.Ordinal);

        public Dictionary<FieldsAndFragments, List<(string, List<FieldDetails>, List<FieldDetails>)>> Overlapping { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private void Spend(int cost)
    {
        _budget -= cost;
        if (_budget < 0)
        {
            throw new ValidationAbortedException();
        }
    }

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var collected = CollectFields(parentType, selectionSet);
        foreach (var (responseName, fields) in collected.Grouped)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }

        if (collected.FragmentNames.Count != 0 && (collected.Grouped.Count != 0 || collected.FragmentNames.Count > 1))
        {
            for (var i = 0; i < collected.FragmentNames.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, collected.FragmentNames[i]);
                for (var j = i + 1; j < collected.FragmentNames.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, collected.FragmentNames[i], collected.FragmentNames[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool exclusive, FieldsAndFragments fields, string fragmentName)
    {
        Spend(1);
        if (fields.Grouped.Count == 0)
        {
            return;
        }

        if (fields.ComparedFragments.TryGetValue(fragmentName, out var compared) && (!compared || exclusive))
        {
            return;
        }

        fields.ComparedFragments[fragmentName] = exclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var fragmentFields = CollectFragmentFields(fragment);
        if (ReferenceEquals(fields, fragmentFields))
        {
            return;
        }

        CollectConflictsBetween(conflicts, exclusive, fields, fragmentFields);
        foreach (var referenced in fragmentFields.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, exclusive, fields, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool exclusive, string name1, string name2)
    {
        Spend(2);
        if (name1 == name2 || HasPair(name1, name2, exclusive))
        {
            return;
        }

        _comparedFragmentPairs[(name1, name2)] = exclusive;
        if (Context.GetFragment(name1) is not { } fragment1 || Context.GetFragment(name2) is not { } fragment2)
        {
            return;
        }

        var fields1 = CollectFragmentFields(fragment1);
        var fields2 = CollectFragmentFields(fragment2);
        CollectConflictsBetween(conflicts, exclusive, fields1, fields2);
        foreach (var referenced2 in fields2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, exclusive, name1, referenced2);
        }

        foreach (var referenced1 in fields1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, exclusive, referenced1, name2);
        }
    }

    private bool HasPair(string a, string b, bool exclusive)
    {
        bool Has(string x, string y) => _comparedFragmentPairs.TryGetValue((x, y), out var stored) && (exclusive || stored == exclusive);
        return Has(a, b) || Has(b, a);
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(bool exclusive, NamedType? parentType1, SelectionSetNode set1, NamedType? parentType2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var fields1 = CollectFields(parentType1, set1);
        var fields2 = CollectFields(parentType2, set2);
        CollectConflictsBetween(conflicts, exclusive, fields1, fields2);
        foreach (var fragmentName2 in fields2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, exclusive, fields1, fragmentName2);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, exclusive, fields2, fragmentName1);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            foreach (var fragmentName2 in fields2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, exclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool exclusive, FieldsAndFragments fields1, FieldsAndFragments fields2)
    {
        if (fields1.Grouped.Count == 0 || fields2.Grouped.Count == 0)
        {
            return;
        }

        if (!fields1.Overlapping.TryGetValue(fields2, out var overlapping))
        {
            overlapping = [];
            foreach (var (responseName, list1) in fields1.Grouped)
            {
                Spend(1);
                if (fields2.ByName.TryGetValue(responseName, out var list2))
                {
                    overlapping.Add((responseName, list1, list2));
                }
            }

            fields1.Overlapping[fields2] = overlapping;
        }

        foreach (var (responseName, list1, list2) in overlapping)
        {
            foreach (var field1 in list1)
            {
                foreach (var field2 in list2)
                {
                    if (FindConflict(exclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsExclusive, string responseName, FieldDetails field1, FieldDetails field2)
    {
        var exclusive = parentsExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && SameTypeReference(field1.Definition?.Type, field2.Definition?.Type)
            && field1.Node.Name.Value == field2.Node.Name.Value)
        {
            return null;
        }

        if (!exclusive)
        {
            if (!field1.Comparisons.TryGetValue(field2, out var reason))
            {
                var name1 = field1.Node.Name.Value;
                var name2 = field2.Node.Name.Value;
                reason = name1 != name2
                    ? $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields"
                    : SameArguments(field1.Node.Arguments, field2.Node.Arguments) ? null : "they have differing arguments";
                field1.Comparisons[field2] = reason;
            }

            if (reason is not null)
            {
                return new Conflict(responseName, reason, [field1.Node], [field2.Node]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [field1.Node], [field2.Node]);
        }

        if (field1.Node.SelectionSet is { } set1 && field2.Node.SelectionSet is { } set2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(exclusive, type1?.Named, set1, type2?.Named, set2);
            return SubfieldConflicts(conflicts, responseName, field1.Node, field2.Node);
        }

        return null;
    }

    private static bool SameTypeReference(GraphQLType? a, GraphQLType? b) =>
        (a is null && b is null) || (a is not null && b is not null && GraphQLType.AreEqual(a, b));

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            Spend(1);
            var argument2 = arguments2.FirstOrDefault(a => a.Name.Value == argument1.Name.Value);
            if (argument2 is null || Stringify(argument1.Value) != Stringify(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (GraphQLType.AreEqual(type1, type2))
        {
            return false;
        }

        Spend(1);
        return (type1, type2) switch
        {
            (ListType list1, ListType list2) => DoTypesConflict(list1.OfType, list2.OfType),
            (ListType, _) or (_, ListType) => true,
            (NonNullType nonNull1, NonNullType nonNull2) => DoTypesConflict(nonNull1.OfType, nonNull2.OfType),
            (NonNullType, _) or (_, NonNullType) => true,
            _ => (type1.Named.IsLeaf || type2.Named.IsLeaf) && type1.Named.Name != type2.Named.Name,
        };
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? "" : " and ").Append($"subfields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}");
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(responseName, Abbreviate(message.ToString()), CollectNodes(node1, conflicts, c => c.Fields1), CollectNodes(node2, conflicts, c => c.Fields2));
    }

    private static List<FieldNode> CollectNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, List<FieldNode>> side)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var remaining = MaxConflictNodes - nodes.Count;
            var fields = side(conflict);
            nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;
}
