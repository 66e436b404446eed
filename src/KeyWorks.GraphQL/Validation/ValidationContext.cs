using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation;

/// <summary>A use of a variable, with the input type and default value expected where it is used.</summary>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, ValueNode? DefaultValue, GraphQLType? ParentType);

/// <summary>What rules share while a document is validated: the schema, the document, type information, errors.</summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly int _maxErrors;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _fragmentSpreads = [];
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> _referencedFragments = [];
    private readonly Dictionary<SyntaxNode, List<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, List<VariableUsage>> _recursiveVariableUsages = [];

    internal ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, int maxErrors)
    {
        Schema = schema;
        Document = document;
        TypeInfo = typeInfo;
        _maxErrors = maxErrors;
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    public IReadOnlyList<GraphQLError> Errors => _errors;

    public void ReportError(string message, params SyntaxNode?[] nodes)
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException();
        }

        _errors.Add(new GraphQLError(message, nodes.Where(n => n is not null).Select(n => n!.Location.ToSourceLocation()).ToList(), null, GraphQLError.CodeExtension("GRAPHQL_VALIDATION_FAILED")));
    }

    public FragmentDefinitionNode? GetFragment(string name)
    {
        _fragments ??= Document.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _fragments.GetValueOrDefault(name);
    }

    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = [];
        var stack = new Stack<SelectionSetNode>();
        stack.Push(selectionSet);
        while (stack.Count > 0)
        {
            var set = stack.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } inner }:
                        stack.Push(inner);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_referencedFragments.TryGetValue(operation, out var fragments))
        {
            return fragments;
        }

        fragments = [];
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(operation.SelectionSet);
        while (toVisit.Count > 0)
        {
            foreach (var spread in GetFragmentSpreads(toVisit.Pop()))
            {
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _referencedFragments[operation] = fragments;
        return fragments;
    }

    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var usages))
        {
            return usages;
        }

        var collector = new VariableUsageCollector();
        var typeInfo = new TypeInfo(Schema);
        collector.TypeInfo = typeInfo;
        new DocumentWalker(typeInfo, [collector]).Walk(node);
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            return usages;
        }

        usages = [.. GetVariableUsages(operation)];
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private sealed class VariableUsageCollector : IDocumentVisitor
    {
        public TypeInfo TypeInfo { get; set; } = null!;

        public List<VariableUsage> Usages { get; } = [];

        public bool Enter(SyntaxNode node)
        {
            if (node is VariableDefinitionNode)
            {
                return false;
            }

            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, TypeInfo.InputType, TypeInfo.DefaultValue, TypeInfo.ParentInputType));
            }

            return true;
        }

        public void Leave(SyntaxNode node)
        {
        }
    }
}

/// <summary>Stops validation once the error limit is reached.</summary>
internal sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException()
        : base("Validation aborted.")
    {
    }

    public ValidationAbortedException(string message)
        : base(message)
    {
    }

    public ValidationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>One validation rule of the spec; a fresh instance validates one document.</summary>
public abstract class ValidationRule : IDocumentVisitor
{
    protected ValidationContext Context { get; private set; } = null!;

    internal void Attach(ValidationContext context) => Context = context;

    public virtual bool Enter(SyntaxNode node) => true;

    public virtual void Leave(SyntaxNode node)
    {
    }
}
