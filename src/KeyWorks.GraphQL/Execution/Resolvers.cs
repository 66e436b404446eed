namespace KeyWorks.GraphQL.Execution;

/// <summary>Resolves one field for one source object; may complete synchronously.</summary>
public delegate ValueTask<object?> FieldResolver(FieldContext context);

/// <summary>Produces the event stream of a subscription root field; each event becomes one response.</summary>
public delegate IAsyncEnumerable<object?> SubscriptionResolver(FieldContext context);

/// <summary>Chooses the object type of a value returned for an interface or union field; returns its name.</summary>
public delegate string? TypeResolver(object value, FieldContext context);
