using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using KeyWorks.GraphQL.Validation;

namespace KeyWorks.GraphQL.Limits;

/// <summary>
/// Measures an operation before it runs: its depth (deepest field nesting, fragments expanded) and its
/// cost (each field's weight, multiplied by the list sizes above it: <c>first</c>/<c>last</c> when given,
/// else an assumed list size). On a field that returns an object rather than a list (a connection), <c>first</c>/<c>last</c>
/// sizes the object's own list fields (<c>edges</c>, <c>nodes</c>) instead, so a page is counted once, not once for the
/// connection and again for its list.
/// </summary>
public static class CostAnalyzer
{
    /// <summary>The list size assumed for a list field without <c>first</c> or <c>last</c>.</summary>
    public const int AssumedListSize = 10;

    private const long Ceiling = int.MaxValue;

    public static (int Depth, long Cost) Measure(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables)
    {
        var root = schema.GetRootType(operation.Operation);
        if (root is null)
        {
            return (0, 0);
        }

        var walker = new Walker(schema, fragments, variables);
        var cost = walker.Cost(root, operation.SelectionSet, 1, null, 1, []);
        return (walker.MaxDepth, cost);
    }

    private sealed class Walker(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        private readonly Dictionary<(string Name, long? PageSize), (long Cost, int Depth)> _fragments = [];

        public int MaxDepth { get; private set; }

        public long Cost(NamedType parentType, SelectionSetNode selectionSet, long multiplier, long? pageSize, int depth, HashSet<string> activeFragments)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        MaxDepth = Math.Max(MaxDepth, depth);
                        var definition = TypeInfo.GetFieldDef(schema, parentType, field.Name.Value);
                        if (definition is null)
                        {
                            continue;
                        }

                        total = Add(total, multiplier * definition.Cost);
                        if (field.SelectionSet is not null)
                        {
                            var sliced = SliceSize(field);
                            var childMultiplier = definition.Type.Nullable is ListType ? multiplier * (sliced ?? pageSize ?? AssumedListSize) : multiplier;
                            var childPageSize = definition.Type.Nullable is ListType ? null : sliced;
                            total = Add(total, Cost(definition.Type.Named, field.SelectionSet, Math.Min(Ceiling, childMultiplier), childPageSize, depth + 1, activeFragments));
                        }

                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value) ?? parentType;
                        total = Add(total, Cost(inlineType, inline.SelectionSet, multiplier, pageSize, depth, activeFragments));
                        break;
                    case FragmentSpreadNode spread:
                        if (Measure(spread.Name.Value, parentType, pageSize, activeFragments) is { } measured)
                        {
                            total = Add(total, Math.Min(Ceiling, multiplier * measured.Cost));
                            MaxDepth = Math.Max(MaxDepth, depth - 1 + measured.Depth);
                        }

                        break;
                }
            }

            return total;
        }

        /// <summary>
        /// A fragment's cost at multiplier 1 and its depth counted from its own fields, measured once per operation and
        /// page size in force: cost is linear in the multiplier, so each spread costs multiplier × this. Walking every
        /// spread anew would take time exponential in the nesting of fragments that spread others twice.
        /// </summary>
        private (long Cost, int Depth)? Measure(string name, NamedType parentType, long? pageSize, HashSet<string> activeFragments)
        {
            if (!fragments.TryGetValue(name, out var fragment) || activeFragments.Contains(name))
            {
                return null;
            }

            if (!_fragments.TryGetValue((name, pageSize), out var measured))
            {
                activeFragments.Add(name);
                var outer = MaxDepth;
                MaxDepth = 0;
                var cost = Cost(schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType, fragment.SelectionSet, 1, pageSize, 1, activeFragments);
                measured = (cost, MaxDepth);
                MaxDepth = outer;
                activeFragments.Remove(name);
                _fragments[(name, pageSize)] = measured;
            }

            return measured;
        }

        private long? SliceSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
            {
                if (argument.Name.Value is "first" or "last")
                {
                    var value = argument.Value switch
                    {
                        IntValueNode i when long.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
                        VariableNode v when variables.TryGetValue(v.Name.Value, out var n) && n is int or long => Convert.ToInt64(n, System.Globalization.CultureInfo.InvariantCulture),
                        _ => (long?)null,
                    };
                    if (value is { } size)
                    {
                        return Math.Max(1, size);
                    }
                }
            }

            return null;
        }

        private static long Add(long a, long b) => Math.Min(Ceiling, a + b);
    }
}
