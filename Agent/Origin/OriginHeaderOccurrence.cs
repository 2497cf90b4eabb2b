namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Which copy of the origin header is used when the message has more than one.
/// </summary>
public enum OriginHeaderOccurrence
{
    /// <summary>Two or more copies make the origin ambiguous, and no SPF action is taken.</summary>
    Single,

    /// <summary>The first copy in header order, normally the one the last relay added.</summary>
    First,

    /// <summary>The last copy in header order.</summary>
    Last,
}
