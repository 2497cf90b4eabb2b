namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A directive split into its qualifier, mechanism kind and the text after the mechanism name.
/// </summary>
internal sealed class DirectiveArguments
{
    public DirectiveArguments(string term, SpfQualifier qualifier, SpfMechanismKind kind, string arguments)
    {
        Term = term;
        Qualifier = qualifier;
        Kind = kind;
        Arguments = arguments;
    }

    /// <summary>The whole directive as written.</summary>
    public string Term { get; }

    public SpfQualifier Qualifier { get; }

    public SpfMechanismKind Kind { get; }

    /// <summary>The text after the mechanism name, such as ":example.com/24".</summary>
    public string Arguments { get; }
}
